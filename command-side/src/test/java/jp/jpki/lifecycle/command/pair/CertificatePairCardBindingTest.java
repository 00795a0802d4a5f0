package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH_1;
import static jp.jpki.lifecycle.command.pair.PairFixtures.BOTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_AT;
import static jp.jpki.lifecycle.command.pair.PairFixtures.KEYS;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.SIGN_1;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.card;
import static jp.jpki.lifecycle.command.pair.PairFixtures.confirm;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issue;
import static jp.jpki.lifecycle.command.pair.PairFixtures.keys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.issuance.CardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.ConfirmCertificatesWritten;
import jp.jpki.lifecycle.api.issuance.RecordCardKeysGenerated;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pin.ConfirmPinReset;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-CRD-5: card work is bound to one card. The terminal's answers (keys, write and PIN-reset confirmations) are
 * accepted only when they name the pair's own card and its pending request, so no resident's certificate can be
 * signed over, or activated for, another card's key.
 */
class CertificatePairCardBindingTest {

    private static final String OTHER_CARD = "card-9";

    @Test
    @DisplayName("R-CRD-5: keys from another card than the pair's are refused and nothing is signed")
    void keysFromAnotherCardRefused() {
        assertRefused(fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH))
                .when(keys("req-1", BOTH, card(OTHER_CARD, LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 10)))), "R-CRD-5");
    }

    @Test
    @DisplayName("R-CRD-5: keys for a request that is not the pair's pending one are refused")
    void keysForAnotherRequestRefused() {
        assertRefused(fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH)).when(keys("req-other", BOTH)), "R-CRD-5");
    }

    @Test
    @DisplayName("R-CRD-5: the same keys again are a redelivered answer (ignored); other keys for the same request are refused")
    void keysGeneratedAgainRefused() {
        fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH))
                .when(keys("req-1", BOTH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertRefused(fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH))
                .when(new RecordCardKeysGenerated(PAIR, "req-1", CARD.cardId(),
                        Map.of(CertificateKind.SIGN, "sign-key-2", CertificateKind.AUTH, "auth-key-2"))), "R-CRD-5");
    }

    @Test
    @DisplayName("R-CRD-5: a write confirmation from another card, or naming other certificates, is refused; the pair stays issuing")
    void confirmationMustMatchCardAndCertificates() {
        assertRefused(fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH))
                .when(new ConfirmCertificatesWritten(PAIR, "req-1", OTHER_CARD, List.of("auth-1", "sign-1"))), "R-CRD-5");
        assertRefused(fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH))
                .when(confirm("req-1", "auth-1")), "R-CRD-5");
        assertRefused(fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH))
                .when(confirm("req-1", "auth-1", "sign-9")), "R-CRD-5");
        assertRefused(fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH))
                .when(confirm("req-other", "auth-1", "sign-1")), "R-CRD-5");
    }

    @Test
    @DisplayName("R-CRD-5: the confirmation from the pair's card naming exactly the signed certificates activates them")
    void matchingConfirmationAccepted() {
        fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH))
                .when(keys("req-1", BOTH))
                .expectEvents(new CardKeysGenerated(PAIR, "req-1", KEYS), new CertificatesIssued(PAIR, "req-1", List.of(AUTH_1, SIGN_1), 0));
        fixtureAt(ISSUED_AT).givenCommands(issue("req-1", BOTH), keys("req-1", BOTH))
                .when(confirm("req-1", "sign-1", "auth-1"))
                .expectEvents(new CertificatesWrittenToCard(PAIR, "req-1", List.of("auth-1", "sign-1")));
    }

    @Test
    @DisplayName("R-CRD-5: a PIN reset is confirmed only from the pair's own card")
    void pinResetConfirmedOnlyFromOwnCard() {
        List<Object> given = new ArrayList<>(activePair());
        given.add(new PinLocked(PAIR, CertificateKind.SIGN));
        given.add(new PinResetRequested(PAIR, "req-2", CARD.cardId(), CertificateKind.SIGN, "T-01"));
        assertRefused(fixtureAt(ISSUED_AT).given(given).when(new ConfirmPinReset(PAIR, "req-2", OTHER_CARD)), "R-CRD-5");
        fixtureAt(ISSUED_AT).given(given).when(new ConfirmPinReset(PAIR, "req-2", CARD.cardId()))
                .expectEvents(new PinReset(PAIR, "req-2", CertificateKind.SIGN));
    }
}
