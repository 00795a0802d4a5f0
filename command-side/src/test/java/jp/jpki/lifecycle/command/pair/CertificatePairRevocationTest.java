package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.BOTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD;
import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.KEYS;
import static jp.jpki.lifecycle.command.pair.PairFixtures.NOT_AFTER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.SIGN;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.at;
import static jp.jpki.lifecycle.command.pair.PairFixtures.card;
import static jp.jpki.lifecycle.command.pair.PairFixtures.certificate;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issue;
import static jp.jpki.lifecycle.command.pair.PairFixtures.keys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.issuance.AbandonCardWork;
import jp.jpki.lifecycle.api.issuance.CardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pin.ResetPin;
import jp.jpki.lifecycle.api.renewal.RenewCertificates;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.BasicInfoChanged;
import jp.jpki.lifecycle.api.revocation.CardInvalidated;
import jp.jpki.lifecycle.api.revocation.CardInvalidationCause;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.api.revocation.ChangeBasicInfo;
import jp.jpki.lifecycle.api.revocation.EmigrationWithContinuedUseRecorded;
import jp.jpki.lifecycle.api.revocation.InvalidateCard;
import jp.jpki.lifecycle.api.revocation.RecordEmigrationWithContinuedUse;
import jp.jpki.lifecycle.api.revocation.ReportLoss;
import jp.jpki.lifecycle.api.revocation.RevocationCause;
import jp.jpki.lifecycle.api.revocation.ResidentRecordRemoved;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CertificatePairRevocationTest {

    /** 2026-05-01, a Friday, about two years into the pair's life (WorkedExamplesC4Test #8). */
    private static final Instant NOW = at(LocalDate.of(2026, 5, 1), 10);
    /** Inside the pair's renewal window (opens 2028-08-15). */
    private static final Instant IN_WINDOW = at(LocalDate.of(2028, 9, 1), 10);

    private static List<Object> with(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    private static CertificateRevoked revoked(CertificateKind kind, RevocationReason reason) {
        return new CertificateRevoked(PAIR, kind, kind == CertificateKind.SIGN ? "sign-1" : "auth-1", reason, NOW);
    }

    private static RenewCertificates renew(Set<CertificateKind> kinds) {
        return new RenewCertificates(PAIR, "req-9", kinds, ApplicantType.RESIDENT, List.of(), "T-01", null, false);
    }

    @Nested
    class Reasons {

        @ParameterizedTest(name = "R-REV-1: {0} → {1}")
        @CsvSource({
                "HOLDER_REQUEST, CESSATION_OF_OPERATION",
                "LOSS, KEY_COMPROMISE",
                "DAMAGE, KEY_COMPROMISE",
                "PIN_LEAK, KEY_COMPROMISE",
                "DISCARDED_BEFORE_DELIVERY, UNSPECIFIED",
        })
        void counterCauses(RevocationCause cause, RevocationReason reason) {
            fixtureAt(NOW).given(activePair())
                    .when(new RevokeCertificates(PAIR, BOTH, cause))
                    .expectEvents(revoked(CertificateKind.SIGN, reason), revoked(CertificateKind.AUTH, reason));
        }

        @Test
        @DisplayName("R-REV-1: a holder may revoke one certificate only; the other stays")
        void oneOnly() {
            fixtureAt(NOW).given(activePair())
                    .when(new RevokeCertificates(PAIR, AUTH, RevocationCause.HOLDER_REQUEST))
                    .expectEvents(revoked(CertificateKind.AUTH, RevocationReason.CESSATION_OF_OPERATION));
            fixtureAt(NOW).given(with(activePair(), revoked(CertificateKind.AUTH, RevocationReason.CESSATION_OF_OPERATION)))
                    .when(new RevokeCertificates(PAIR, SIGN, RevocationCause.LOSS))
                    .expectEvents(revoked(CertificateKind.SIGN, RevocationReason.KEY_COMPROMISE));
        }

        @Test
        @DisplayName("R-REV-1: an expired certificate has nothing left to revoke")
        void expiredNotRevoked() {
            assertRefused(fixtureAt(NOW).given(with(activePair(),
                            new jp.jpki.lifecycle.api.expiry.CertificateExpired(PAIR, CertificateKind.SIGN, "sign-1", NOT_AFTER)))
                    .when(new RevokeCertificates(PAIR, SIGN, RevocationCause.HOLDER_REQUEST)), "R-REV-1");
        }
    }

    @Nested
    class SignOnly {

        @ParameterizedTest(name = "R-REV-2: a change of {0} revokes SIGN only, as affiliationChanged")
        @EnumSource(BasicItem.class)
        void basicInfoChange(BasicItem item) {
            LocalDate effectiveOn = LocalDate.of(2026, 4, 30);
            fixtureAt(NOW).given(activePair())
                    .when(new ChangeBasicInfo(PAIR, Set.of(item), effectiveOn))
                    .expectEvents(new BasicInfoChanged(PAIR, Set.of(item), effectiveOn),
                            revoked(CertificateKind.SIGN, RevocationReason.AFFILIATION_CHANGED));
        }

        @Test
        @DisplayName("R-REV-2: emigration with continued use revokes SIGN only")
        void emigration() {
            LocalDate emigratedOn = LocalDate.of(2026, 5, 1);
            fixtureAt(NOW).given(activePair())
                    .when(new RecordEmigrationWithContinuedUse(PAIR, emigratedOn))
                    .expectEvents(new EmigrationWithContinuedUseRecorded(PAIR, emigratedOn),
                            revoked(CertificateKind.SIGN, RevocationReason.AFFILIATION_CHANGED));
        }

        @Test
        @DisplayName("R-REV-2: after a move AUTH survives: it can still be renewed in its window, SIGN cannot")
        void authSurvives() {
            var afterMove = with(activePair(), new BasicInfoChanged(PAIR, Set.of(BasicItem.ADDRESS), LocalDate.of(2026, 4, 30)),
                    revoked(CertificateKind.SIGN, RevocationReason.AFFILIATION_CHANGED));
            fixtureAt(IN_WINDOW).given(afterMove)
                    .when(renew(AUTH))
                    .expectEvents(new RenewalRequested(PAIR, "req-9", "card-1", AUTH, ApplicantType.RESIDENT, "T-01", 0));
            assertRefused(fixtureAt(IN_WINDOW).given(afterMove).when(renew(SIGN)), "R-REN-1");
        }

        @Test
        @DisplayName("R-REV-2: a second change with SIGN already revoked revokes nothing more")
        void secondChange() {
            var afterMove = with(activePair(), revoked(CertificateKind.SIGN, RevocationReason.AFFILIATION_CHANGED));
            fixtureAt(NOW).given(afterMove)
                    .when(new ChangeBasicInfo(PAIR, Set.of(BasicItem.NAME), LocalDate.of(2026, 5, 1)))
                    .expectEvents(new BasicInfoChanged(PAIR, Set.of(BasicItem.NAME), LocalDate.of(2026, 5, 1)));
        }
    }

    @Nested
    class Both {

        @ParameterizedTest(name = "R-REV-3: card {0} revokes both certificates as {1}")
        @CsvSource({
                "REVOKED, CESSATION_OF_OPERATION",
                "RETURNED, CESSATION_OF_OPERATION",
                "EXPIRED, CESSATION_OF_OPERATION",
                "REISSUED, SUPERSEDED",
        })
        void cardInvalidation(CardInvalidationCause cause, RevocationReason reason) {
            fixtureAt(NOW).given(activePair())
                    .when(new InvalidateCard(PAIR, cause))
                    .expectEvents(new CardInvalidated(PAIR, "card-1", cause), revoked(CertificateKind.SIGN, reason),
                            revoked(CertificateKind.AUTH, reason));
        }

        @ParameterizedTest(name = "R-REV-3 + R-REV-5: after card {0} the certificates stay revoked: no renewal, no second revocation")
        @EnumSource(CardInvalidationCause.class)
        void invalidatedStaysRevoked(CardInvalidationCause cause) {
            var invalidated = with(activePair(), new CardInvalidated(PAIR, "card-1", cause),
                    revoked(CertificateKind.SIGN, cause.reason()), revoked(CertificateKind.AUTH, cause.reason()));
            assertRefused(fixtureAt(NOW).given(invalidated)
                    .when(new RevokeCertificates(PAIR, AUTH, RevocationCause.HOLDER_REQUEST)), "R-REV-5");
            assertRefused(fixtureAt(IN_WINDOW).given(invalidated).when(renew(BOTH)), "R-REN-1");
        }

        @Test
        @DisplayName("R-REV-3: a removed resident record revokes both, even if the counter selected SIGN")
        void residentRecordRemoved() {
            fixtureAt(NOW).given(activePair())
                    .when(new RevokeCertificates(PAIR, SIGN, RevocationCause.RESIDENT_RECORD_REMOVED))
                    .expectEvents(new ResidentRecordRemoved(PAIR, "card-1"), revoked(CertificateKind.SIGN, RevocationReason.CESSATION_OF_OPERATION),
                            revoked(CertificateKind.AUTH, RevocationReason.CESSATION_OF_OPERATION));
        }

        @Test
        @DisplayName("R-REV-3 + R-REV-1: a CA key compromise revokes both as cACompromise")
        void caKeyCompromise() {
            fixtureAt(NOW).given(activePair())
                    .when(new RevokeCertificates(PAIR, AUTH, RevocationCause.CA_KEY_COMPROMISE))
                    .expectEvents(revoked(CertificateKind.SIGN, RevocationReason.CA_COMPROMISE),
                            revoked(CertificateKind.AUTH, RevocationReason.CA_COMPROMISE));
        }

        @Test
        @DisplayName("R-REV-3: a card cannot be invalidated twice")
        void invalidatedTwice() {
            var invalidated = with(activePair(), new CardInvalidated(PAIR, "card-1", CardInvalidationCause.RETURNED),
                    revoked(CertificateKind.SIGN, RevocationReason.CESSATION_OF_OPERATION),
                    revoked(CertificateKind.AUTH, RevocationReason.CESSATION_OF_OPERATION));
            assertRefused(fixtureAt(NOW).given(invalidated).when(new InvalidateCard(PAIR, CardInvalidationCause.RETURNED)), "R-REV-3");
        }
    }

    @Nested
    class Hold {

        private final List<Object> held = with(activePair(),
                new CertificateHeld(PAIR, CertificateKind.SIGN, "sign-1", NOW),
                new CertificateHeld(PAIR, CertificateKind.AUTH, "auth-1", NOW));

        @Test
        @DisplayName("R-REV-4 + R-REV-1: a loss reported to the call centre puts both active certificates on hold")
        void lossPutsBothOnHold() {
            fixtureAt(NOW).given(activePair())
                    .when(new ReportLoss(PAIR))
                    .expectEvents(new CertificateHeld(PAIR, CertificateKind.SIGN, "sign-1", NOW),
                            new CertificateHeld(PAIR, CertificateKind.AUTH, "auth-1", NOW));
        }

        @Test
        @DisplayName("R-REV-4: a hold is not lifted by a second report")
        void noSecondHold() {
            assertRefused(fixtureAt(NOW).given(held).when(new ReportLoss(PAIR)), "R-REV-4");
        }

        @Test
        @DisplayName("R-REV-4: a held certificate is not issued over on the same card (a new card revokes it, R-ONE-3)")
        void noIssueOverHold() {
            assertRefused(fixtureAt(NOW).given(held)
                    .when(issue("req-2", HOLDER, CARD, BOTH, ApplicantType.RESIDENT, List.of())), "R-REV-4");
        }

        @Test
        @DisplayName("R-REV-4: a held certificate is neither renewed nor has its PIN reset")
        void noRenewalNoPinReset() {
            assertRefused(fixtureAt(IN_WINDOW).given(held).when(renew(BOTH)), "R-REN-1");
            assertRefused(fixtureAt(NOW).given(held).when(new ResetPin(PAIR, "req-3", CertificateKind.SIGN, ApplicantType.RESIDENT,
                    List.of(jp.jpki.lifecycle.api.pair.DocumentClass.A), "T-01", null)), "R-PIN-4");
        }

        @Test
        @DisplayName("R-REV-4: the hold ends in revocation, after which a new card gets new certificates")
        void holdEndsInRevocation() {
            fixtureAt(NOW).given(held)
                    .when(new RevokeCertificates(PAIR, BOTH, RevocationCause.LOSS))
                    .expectEvents(revoked(CertificateKind.SIGN, RevocationReason.KEY_COMPROMISE),
                            revoked(CertificateKind.AUTH, RevocationReason.KEY_COMPROMISE));
            CardInfo newCard = card("card-2", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
            fixtureAt(NOW).given(with(held, revoked(CertificateKind.SIGN, RevocationReason.KEY_COMPROMISE),
                            revoked(CertificateKind.AUTH, RevocationReason.KEY_COMPROMISE)))
                    .when(issue("req-2", HOLDER, newCard, BOTH, ApplicantType.RESIDENT, List.of()))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Final {

        private final List<Object> signRevoked = with(activePair(), revoked(CertificateKind.SIGN, RevocationReason.KEY_COMPROMISE));

        @Test
        @DisplayName("R-REV-5: a revoked certificate is not revoked again")
        void notRevokedTwice() {
            assertRefused(fixtureAt(NOW).given(signRevoked)
                    .when(new RevokeCertificates(PAIR, SIGN, RevocationCause.HOLDER_REQUEST)), "R-REV-5");
        }

        @Test
        @DisplayName("R-REV-5 (WorkedExamplesC4Test #8): the way back is a new issue: new keys, new serial, capped by the active AUTH")
        void newIssueAfterRevocation() {
            fixtureAt(NOW).given(signRevoked)
                    .andGivenCommands(issue("req-2", SIGN))
                    .when(keys("req-2", SIGN))
                    .expectEvents(new CardKeysGenerated(PAIR, "req-2", Map.of(CertificateKind.SIGN, KEYS.get(CertificateKind.SIGN))),
                            new CertificatesIssued(PAIR, "req-2",
                                    List.of(certificate(CertificateKind.SIGN, "sign-1", NOW, NOT_AFTER)), 0));
        }

        @Test
        @DisplayName("R-REV-5: an abandoned re-issue leaves the old certificate revoked, and revokes what was signed")
        void abandonedReissueStaysRevoked() {
            var signed = certificate(CertificateKind.SIGN, "sign-2", NOW, NOT_AFTER);
            var reissueSigned = with(signRevoked,
                    new IssuanceRequested(PAIR, "req-2", HOLDER, CARD, PairFixtures.CARD_EXPIRY, SIGN, ApplicantType.RESIDENT,
                            "T-01", 0, null),
                    new CardKeysGenerated(PAIR, "req-2", Map.of(CertificateKind.SIGN, "sign-key")),
                    new CertificatesIssued(PAIR, "req-2", List.of(signed), 0));
            fixtureAt(NOW).given(reissueSigned)
                    .when(new AbandonCardWork(PAIR, "req-2", "card removed"))
                    .expectEvents(new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-2", RevocationReason.UNSPECIFIED, NOW),
                            new CardWorkAbandoned(PAIR, "req-2", "card removed"));
            assertRefused(fixtureAt(NOW).given(with(reissueSigned,
                            new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-2", RevocationReason.UNSPECIFIED, NOW),
                            new CardWorkAbandoned(PAIR, "req-2", "card removed")))
                    .when(new RevokeCertificates(PAIR, SIGN, RevocationCause.HOLDER_REQUEST)), "R-REV-5");
        }
    }
}
