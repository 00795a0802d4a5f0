package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_AT;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issue;

import java.time.LocalDate;
import java.util.List;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CertificatePairLegacyCardTest {

    @Test
    @DisplayName("R-ELG-5: no certificate is issued on a resident-register card (住基カード)")
    void residentRegisterCardRefused() {
        var juki = new CardInfo("juki-0001", LocalDate.of(2014, 5, 1), LocalDate.of(2014, 6, 1), null,
                CardGeneration.RESIDENT_REGISTER_CARD, false);
        assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity()
                .when(issue("req-1", HOLDER, juki, AUTH, ApplicantType.RESIDENT, List.of())), "R-ELG-5");
    }
}
