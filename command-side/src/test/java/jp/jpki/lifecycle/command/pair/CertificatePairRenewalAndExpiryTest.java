package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.BOTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD_EXPIRY;
import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_AT;
import static jp.jpki.lifecycle.command.pair.PairFixtures.KEYS;
import static jp.jpki.lifecycle.command.pair.PairFixtures.NOT_AFTER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.SIGN;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.at;
import static jp.jpki.lifecycle.command.pair.PairFixtures.certificate;
import static jp.jpki.lifecycle.command.pair.PairFixtures.confirm;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixture;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issue;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issued;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issuedByCommands;
import static jp.jpki.lifecycle.command.pair.PairFixtures.keys;
import static jp.jpki.lifecycle.command.pair.PairFixtures.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.expiry.ExpiryNoticeDue;
import jp.jpki.lifecycle.api.expiry.RenewalWindowOpened;
import jp.jpki.lifecycle.api.issuance.CardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewCertificates;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.api.revocation.RevocationCause;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import jp.jpki.lifecycle.command.infrastructure.AdjustableClock;
import jp.jpki.lifecycle.command.policy.validity.EndOfValidity;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificatePairRenewalAndExpiryTest {

    private static final LocalDate WINDOW_OPENS = LocalDate.of(2028, 8, 15);
    private static final LocalDate NOTICE_DUE = LocalDate.of(2028, 8, 14);
    private static final Instant IN_WINDOW = at(LocalDate.of(2028, 9, 1), 10);
    /** Renewed on 2028-09-01: the 6th birthday after, 2033-11-14 (k = 5 would end 2032-11-14). */
    private static final LocalDate RENEWED_NOT_AFTER = LocalDate.of(2033, 11, 14);

    private static RenewCertificates renew(String requestId, Set<CertificateKind> kinds) {
        return new RenewCertificates(PAIR, requestId, kinds, ApplicantType.RESIDENT, List.of(), "T-01", null, false);
    }

    private static List<Object> with(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    /** A pair issued through the real commands on 2024-03-10, so its deadlines are scheduled; the clock moves on later. */
    private static final class Lifetime {
        final AdjustableClock clock = new AdjustableClock(Clock.fixed(ISSUED_AT, EndOfValidity.JST));
        final TestExecutor<CertificatePair> given = fixture(rules(clock)).givenCurrentTime(ISSUED_AT)
                .andGivenCommands(issuedByCommands("req-1", issue("req-1", BOTH)));
    }

    @Nested
    class Renewal {

        @Test
        @DisplayName("R-REN-1: a renewal the day before the window opens is refused with the date it opens")
        void beforeWindowRefused() {
            assertRefused(fixtureAt(at(NOTICE_DUE, 10)).given(activePair()).when(renew("req-2", BOTH)), "R-REN-1",
                    Map.of("opensOn", "2028-08-15", "notAfter", "2028-11-14"));
        }

        @Test
        @DisplayName("R-REN-1 + R-PRC-7: a renewal on the day the window opens is accepted, free; the old pair stays active meanwhile")
        void openingDayAccepted() {
            fixtureAt(at(WINDOW_OPENS, 9)).given(activePair())
                    .when(renew("req-2", BOTH))
                    .expectEvents(new RenewalRequested(PAIR, "req-2", "card-1", BOTH, ApplicantType.RESIDENT, "T-01", 0));
        }

        @Test
        @DisplayName("R-VAL-4 + R-REN-2: a renewal inside the window signs new certificates to the 6th birthday")
        void renewalSignsToSixthBirthday() {
            var lifetime = new Lifetime();
            lifetime.clock.advanceTo(IN_WINDOW);
            lifetime.given.andGivenCommands(renew("req-2", BOTH))
                    .when(keys("req-2", BOTH))
                    .expectEvents(new CardKeysGenerated(PAIR, "req-2", KEYS), new CertificatesRenewed(PAIR, "req-2", List.of(
                                    certificate(CertificateKind.AUTH, "auth-2", IN_WINDOW, RENEWED_NOT_AFTER),
                                    certificate(CertificateKind.SIGN, "sign-2", IN_WINDOW, RENEWED_NOT_AFTER)),
                            Map.of(CertificateKind.AUTH, "auth-1", CertificateKind.SIGN, "sign-1"), 0));
        }

        @Test
        @DisplayName("R-REN-2: once the new certificates are on the card the old ones are revoked as superseded")
        void oldOnesSuperseded() {
            var lifetime = new Lifetime();
            lifetime.clock.advanceTo(IN_WINDOW);
            lifetime.given.andGivenCommands(renew("req-2", BOTH), keys("req-2", BOTH))
                    .when(confirm("req-2", "auth-2", "sign-2"))
                    .expectEvents(new CertificatesWrittenToCard(PAIR, "req-2", List.of("auth-2", "sign-2")),
                            new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.SUPERSEDED, IN_WINDOW),
                            new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.SUPERSEDED, IN_WINDOW))
                    .expectScheduledDeadline(EndOfValidity.expiredAt(RENEWED_NOT_AFTER),
                            new CertificateDeadlines.Due(CertificateKind.SIGN, "sign-2"));
        }

        @Test
        @DisplayName("R-REN-2 + R-VAL-7: the replaced certificates' deadlines find nothing to do; the new ones expire on time")
        void replacedDeadlinesIdle() {
            var lifetime = new Lifetime();
            lifetime.clock.advanceTo(IN_WINDOW);
            lifetime.given.andGivenCommands(renew("req-2", BOTH), keys("req-2", BOTH), confirm("req-2", "auth-2", "sign-2"))
                    .whenThenTimeAdvancesTo(EndOfValidity.expiredAt(NOT_AFTER))
                    .expectNoEvents()
                    // the finished issuance's and renewal's card-work watchdogs fire in turn and find nothing to do
                    .expectTriggeredDeadlinesWithName(CardWorkWatchdog.DEADLINE,
                            CertificateDeadlines.EXPIRY_NOTICE, CertificateDeadlines.EXPIRY_NOTICE,
                            CertificateDeadlines.RENEWAL_WINDOW, CertificateDeadlines.RENEWAL_WINDOW, CardWorkWatchdog.DEADLINE,
                            CertificateDeadlines.EXPIRY, CertificateDeadlines.EXPIRY);
        }

        @Test
        @DisplayName("R-REN-1: AUTH alone can be renewed; a SIGN that is not active cannot")
        void onlyActiveRenewed() {
            var signRevoked = with(activePair(),
                    new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.AFFILIATION_CHANGED, ISSUED_AT));
            fixtureAt(IN_WINDOW).given(signRevoked)
                    .when(renew("req-2", AUTH))
                    .expectEvents(new RenewalRequested(PAIR, "req-2", "card-1", AUTH, ApplicantType.RESIDENT, "T-01", 0));
            assertRefused(fixtureAt(IN_WINDOW).given(signRevoked).when(renew("req-2", BOTH)), "R-REN-1");
        }

        @Test
        @DisplayName("R-REN-3: the day after notAfter, before the expiry is even recorded, there is nothing to renew")
        void dayAfterNotAfter() {
            assertRefused(fixtureAt(at(NOT_AFTER.plusDays(1), 9)).given(activePair()).when(renew("req-2", BOTH)), "R-REN-3");
        }

        @Test
        @DisplayName("R-REN-3: an expired certificate is not renewed; a new issue is the way")
        void expiredNotRenewed() {
            var expired = with(activePair(), new CertificateExpired(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER),
                    new CertificateExpired(PAIR, CertificateKind.SIGN, "sign-1", NOT_AFTER));
            assertRefused(fixtureAt(at(LocalDate.of(2028, 12, 1), 10)).given(expired).when(renew("req-2", BOTH)), "R-REN-3");
        }

        @Test
        @DisplayName("R-ELG-1: a renewal needs a valid card too")
        void renewalNeedsValidCard() {
            LocalDate stayEnds = LocalDate.of(2028, 10, 31);
            CardInfo card = new CardInfo("card-f", LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 10), stayEnds,
                    CardGeneration.FIRST, false);
            List<IssuedCertificate> capped = List.of(certificate(CertificateKind.AUTH, "auth-1", ISSUED_AT, stayEnds));
            assertRefused(fixtureAt(at(stayEnds.plusDays(1), 10)).given(issued("req-1", HOLDER, card, stayEnds, capped, 0))
                    .when(renew("req-2", AUTH)), "R-ELG-1", Map.of("cardExpiry", "2028-10-31"));
        }

        @Test
        @DisplayName("R-PRC-6: no renewal during the monthly maintenance (3rd Saturday of September 2028 is the 16th)")
        void maintenanceBlocksRenewal() {
            assertRefused(fixtureAt(at(LocalDate.of(2028, 9, 16), 10)).given(activePair()).when(renew("req-2", BOTH)), "R-PRC-6");
        }
    }

    @Nested
    class Deadlines {

        @Test
        @DisplayName("R-REN-4: the expiry notice is due 3 months before expiry and recorded for the notice run")
        void expiryNoticeDue() {
            new Lifetime().given
                    .whenThenTimeAdvancesTo(CertificateDeadlines.startOf(NOTICE_DUE))
                    .expectEvents(new ExpiryNoticeDue(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER),
                            new ExpiryNoticeDue(PAIR, CertificateKind.SIGN, "sign-1", NOT_AFTER))
                    .expectTriggeredDeadlinesWithName(CardWorkWatchdog.DEADLINE,
                            CertificateDeadlines.EXPIRY_NOTICE, CertificateDeadlines.EXPIRY_NOTICE);
        }

        @Test
        @DisplayName("R-REN-1 + R-REN-4: the renewal window opens at 00:00 JST on notAfter − 3 months + 1 day")
        void renewalWindowOpens() {
            new Lifetime().given
                    .whenThenTimeAdvancesTo(CertificateDeadlines.startOf(WINDOW_OPENS))
                    .expectEvents(new ExpiryNoticeDue(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER),
                            new ExpiryNoticeDue(PAIR, CertificateKind.SIGN, "sign-1", NOT_AFTER),
                            new RenewalWindowOpened(PAIR, CertificateKind.AUTH, "auth-1", WINDOW_OPENS, NOT_AFTER),
                            new RenewalWindowOpened(PAIR, CertificateKind.SIGN, "sign-1", WINDOW_OPENS, NOT_AFTER));
        }

        @Test
        @DisplayName("R-VAL-7: at 23:59:59 JST on notAfter the certificates are still valid")
        void validThroughLastSecond() {
            new Lifetime().given
                    .whenThenTimeAdvancesTo(EndOfValidity.lastSecond(NOT_AFTER))
                    .expectNoScheduledDeadlineWithName(CertificateDeadlines.startOf(NOTICE_DUE), CertificateDeadlines.EXPIRY_NOTICE)
                    .expectScheduledDeadlineWithName(EndOfValidity.expiredAt(NOT_AFTER), CertificateDeadlines.EXPIRY)
                    .expectEvents(new ExpiryNoticeDue(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER),
                            new ExpiryNoticeDue(PAIR, CertificateKind.SIGN, "sign-1", NOT_AFTER),
                            new RenewalWindowOpened(PAIR, CertificateKind.AUTH, "auth-1", WINDOW_OPENS, NOT_AFTER),
                            new RenewalWindowOpened(PAIR, CertificateKind.SIGN, "sign-1", WINDOW_OPENS, NOT_AFTER));
        }

        @Test
        @DisplayName("R-VAL-7: at the end of the notAfter day both expire by deadline: an Expired event, no revocation, no CRL")
        void expiryByDeadline() {
            new Lifetime().given
                    .whenThenTimeAdvancesTo(EndOfValidity.expiredAt(NOT_AFTER))
                    .expectEvents(new ExpiryNoticeDue(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER),
                            new ExpiryNoticeDue(PAIR, CertificateKind.SIGN, "sign-1", NOT_AFTER),
                            new RenewalWindowOpened(PAIR, CertificateKind.AUTH, "auth-1", WINDOW_OPENS, NOT_AFTER),
                            new RenewalWindowOpened(PAIR, CertificateKind.SIGN, "sign-1", WINDOW_OPENS, NOT_AFTER),
                            new CertificateExpired(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER),
                            new CertificateExpired(PAIR, CertificateKind.SIGN, "sign-1", NOT_AFTER))
                    .expectNoScheduledDeadlines();
        }

        @Test
        @DisplayName("R-VAL-7: whenTimeElapses reaches the expiry the same way (1710 days and 14 hours after issue)")
        void expiryAfterElapsedTime() {
            var elapsed = java.time.Duration.between(ISSUED_AT, EndOfValidity.expiredAt(NOT_AFTER));
            new Lifetime().given
                    .andGivenCommands(new RevokeCertificates(PAIR, SIGN, RevocationCause.HOLDER_REQUEST))
                    .whenTimeElapses(elapsed)
                    .expectTriggeredDeadlinesWithName(CardWorkWatchdog.DEADLINE,
                            CertificateDeadlines.EXPIRY_NOTICE, CertificateDeadlines.EXPIRY_NOTICE,
                            CertificateDeadlines.RENEWAL_WINDOW, CertificateDeadlines.RENEWAL_WINDOW,
                            CertificateDeadlines.EXPIRY, CertificateDeadlines.EXPIRY)
                    // SIGN was revoked: its deadlines find nothing; AUTH runs its course.
                    .expectEvents(new ExpiryNoticeDue(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER),
                            new RenewalWindowOpened(PAIR, CertificateKind.AUTH, "auth-1", WINDOW_OPENS, NOT_AFTER),
                            new CertificateExpired(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER));
        }

        @Test
        @DisplayName("R-VAL-7: the deadlines are scheduled from the certificate's own notAfter, capped one included")
        void cappedDeadline() {
            // The card of the fixture ends 2033-11-14; a renewal on 2028-09-01 is capped there.
            var lifetime = new Lifetime();
            lifetime.clock.advanceTo(IN_WINDOW);
            lifetime.given.andGivenCommands(renew("req-2", BOTH), keys("req-2", BOTH))
                    .when(confirm("req-2", "auth-2", "sign-2"))
                    .expectScheduledDeadlineWithName(EndOfValidity.expiredAt(CARD_EXPIRY), CertificateDeadlines.EXPIRY)
                    .expectScheduledDeadlineWithName(CertificateDeadlines.startOf(LocalDate.of(2033, 8, 15)),
                            CertificateDeadlines.RENEWAL_WINDOW)
                    .expectScheduledDeadlineWithName(CertificateDeadlines.startOf(LocalDate.of(2033, 8, 14)),
                            CertificateDeadlines.EXPIRY_NOTICE);
        }
    }
}
