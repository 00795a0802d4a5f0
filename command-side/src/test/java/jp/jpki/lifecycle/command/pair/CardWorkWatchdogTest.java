package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH_1;
import static jp.jpki.lifecycle.command.pair.PairFixtures.BOTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_AT;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.SIGN_1;
import static jp.jpki.lifecycle.command.pair.PairFixtures.TERMINAL;
import static jp.jpki.lifecycle.command.pair.PairFixtures.WATCHDOG;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.confirm;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issue;
import static jp.jpki.lifecycle.command.pair.PairFixtures.keys;

import java.util.List;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pin.ResetPin;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Card work that never finishes is given up by the pair's watchdog, with compensation")
class CardWorkWatchdogTest {

    private static final String GIVEN_UP = "card work did not finish within " + WATCHDOG.after();

    @Test
    @DisplayName("an issuance whose saga was lost stays issuing until the watchdog abandons it")
    void lostIssuanceIsAbandoned() {
        fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH))
                .whenTimeElapses(WATCHDOG.after())
                .expectEvents(new CardWorkAbandoned(PAIR, "req-1", GIVEN_UP));
    }

    @Test
    @DisplayName("certificates signed but never written are revoked when the watchdog gives the work up")
    void signedButNeverWrittenIsRevoked() {
        fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH))
                .whenTimeElapses(WATCHDOG.after())
                .expectEvents(
                        new CertificateRevoked(PAIR, CertificateKind.AUTH, AUTH_1.serialHex(), RevocationReason.UNSPECIFIED, ISSUED_AT),
                        new CertificateRevoked(PAIR, CertificateKind.SIGN, SIGN_1.serialHex(), RevocationReason.UNSPECIFIED, ISSUED_AT),
                        new CardWorkAbandoned(PAIR, "req-1", GIVEN_UP));
    }

    @Test
    @DisplayName("finished work is left alone when its watchdog fires")
    void finishedWorkIsLeftAlone() {
        fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH), confirm("req-1", "auth-1", "sign-1"))
                .whenTimeElapses(WATCHDOG.after())
                .expectNoEvents();
    }

    @Test
    @DisplayName("a PIN reset that never reaches the card is abandoned too, and the pair takes new work")
    void lostPinResetIsAbandoned() {
        fixtureAt(ISSUED_AT.plus(java.time.Duration.ofDays(30))).given(activePair())
                .andGivenCommands(new ResetPin(PAIR, "req-2", CertificateKind.AUTH, ApplicantType.RESIDENT, List.of(DocumentClass.A), TERMINAL, null))
                .whenTimeElapses(WATCHDOG.after())
                .expectEvents(new CardWorkAbandoned(PAIR, "req-2", GIVEN_UP));
    }
}
