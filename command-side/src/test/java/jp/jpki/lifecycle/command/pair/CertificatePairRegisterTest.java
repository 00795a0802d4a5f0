package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.BOTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD;
import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_AT;
import static jp.jpki.lifecycle.command.pair.PairFixtures.MUNICIPALITY;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.TERMINAL;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.at;
import static jp.jpki.lifecycle.command.pair.PairFixtures.card;
import static jp.jpki.lifecycle.command.pair.PairFixtures.clockAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixture;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issue;
import static jp.jpki.lifecycle.command.pair.PairFixtures.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.api.revocation.CardInvalidated;
import jp.jpki.lifecycle.api.revocation.CardInvalidationCause;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.command.register.InMemoryPairRegister;
import jp.jpki.lifecycle.command.register.PairRegister;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One card, one resident, one live pair: the aggregate's side of the register. */
class CertificatePairRegisterTest {

    private static final PairId OTHER_PAIR = new PairId("pair-0002");
    private static final PairRegister.ResidentKey RESIDENT = new PairRegister.ResidentKey(MUNICIPALITY, HOLDER.residentRef());
    private static final CardInfo NEW_CARD = card("card-2", LocalDate.of(2024, 11, 20), LocalDate.of(2024, 12, 20));
    private static final Instant NOW = at(LocalDate.of(2025, 1, 6), 10);

    @Test
    @DisplayName("R-ONE-1: a card that carries another pair gets no second one; the refusal names the pair")
    void cardOfAnotherPair() {
        var register = new InMemoryPairRegister().claimedBy(OTHER_PAIR, CARD.cardId(),
                new PairRegister.ResidentKey(MUNICIPALITY, "someone-else"));
        assertRefused(fixture(rules(clockAt(ISSUED_AT)), register).givenNoPriorActivity().when(issue("req-1", BOTH)),
                "R-ONE-1", Map.of("existingPairId", OTHER_PAIR.value()));
    }

    @Test
    @DisplayName("R-ONE-2: a resident who has a pair gets no second one, even on another card; the refusal names the pair")
    void residentWithAnotherPair() {
        var register = new InMemoryPairRegister().claimedBy(OTHER_PAIR, "card-9", RESIDENT);
        assertRefused(fixture(rules(clockAt(ISSUED_AT)), register).givenNoPriorActivity().when(issue("req-1", BOTH)),
                "R-ONE-2", Map.of("existingPairId", OTHER_PAIR.value()));
    }

    @Test
    @DisplayName("R-ONE-2: a pair carries one resident: another resident's issuance on it is refused")
    void anotherResidentOnThePair() {
        var stranger = new HolderFacts("resident-2", MUNICIPALITY,
                new BasicFourItems("佐藤 花子", "東京都千代田区2-2", LocalDate.of(1990, 1, 1), Sex.FEMALE), false);
        var given = new ArrayList<>(activePair());
        given.add(new CardInvalidated(PAIR, "card-1", CardInvalidationCause.RETURNED));
        assertRefused(fixtureAt(NOW).given(given)
                .when(issue("req-2", stranger, NEW_CARD, BOTH, ApplicantType.RESIDENT, List.of())), "R-ONE-2");
    }

    @Test
    @DisplayName("R-ONE-3: after a loss (certificates on hold) the new card takes the pair; the held certificates are revoked as keyCompromise")
    void newCardAfterLoss() {
        var given = new ArrayList<>(activePair());
        given.add(new CertificateHeld(PAIR, CertificateKind.AUTH, "auth-1", NOW));
        given.add(new CertificateHeld(PAIR, CertificateKind.SIGN, "sign-1", NOW));
        fixtureAt(NOW).given(given)
                .when(issue("req-2", HOLDER, NEW_CARD, BOTH, ApplicantType.RESIDENT, List.of()))
                .expectEvents(new CardInvalidated(PAIR, "card-1", CardInvalidationCause.REISSUED),
                        new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.KEY_COMPROMISE, NOW),
                        new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.KEY_COMPROMISE, NOW),
                        new IssuanceRequested(PAIR, "req-2", HOLDER, NEW_CARD, LocalDate.of(2034, 11, 14), BOTH,
                                ApplicantType.RESIDENT, TERMINAL, 0, null));
    }

    @Test
    @DisplayName("R-ONE-3 + R-REV-3: a card the pair has left is void: nothing is issued on it again")
    void leftCardIsVoid() {
        var given = new ArrayList<>(activePair());
        given.add(new CardInvalidated(PAIR, "card-1", CardInvalidationCause.REISSUED));
        given.add(new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.SUPERSEDED, NOW));
        given.add(new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.SUPERSEDED, NOW));
        given.add(new IssuanceRequested(PAIR, "req-2", HOLDER, NEW_CARD, LocalDate.of(2034, 11, 14), BOTH,
                ApplicantType.RESIDENT, TERMINAL, 0, null));
        given.add(new jp.jpki.lifecycle.api.issuance.CardWorkAbandoned(PAIR, "req-2", "card removed"));
        assertRefused(fixtureAt(NOW).given(given).when(issue("req-3", BOTH)), "R-REV-3");
    }
}
