package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.BOTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD_EXPIRY;
import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_AT;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_ON;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.SIGN;
import static jp.jpki.lifecycle.command.pair.PairFixtures.TERMINAL;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.at;
import static jp.jpki.lifecycle.command.pair.PairFixtures.clockAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixture;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fromOffice;
import static jp.jpki.lifecycle.command.pair.PairFixtures.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.issuance.IssueCertificates;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.proxy.InquiryAnswered;
import jp.jpki.lifecycle.api.proxy.InquiryLetterMailed;
import jp.jpki.lifecycle.api.proxy.OpenProxyApplication;
import jp.jpki.lifecycle.api.proxy.ProxyApplicationOpened;
import jp.jpki.lifecycle.api.proxy.RecordInquiryAnswer;
import jp.jpki.lifecycle.api.renewal.RenewCertificates;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.BasicInfoChanged;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.command.policy.office.OfficeCapabilities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificatePairProxyTest {

    private static final List<DocumentClass> PROXY_ID = List.of(DocumentClass.A);
    private static final Instant IN_WINDOW = at(LocalDate.of(2028, 9, 1), 10);

    private static List<Object> with(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    private static IssueCertificates proxyIssue(ApplicantType applicant, Set<CertificateKind> kinds, String applicationId,
                                                boolean withMoveNotice) {
        return new IssueCertificates(PAIR, "req-1", HOLDER, CARD, kinds, applicant, PROXY_ID, TERMINAL, applicationId,
                withMoveNotice, false, null);
    }

    private static OpenProxyApplication visitOne(Procedure procedure, Set<CertificateKind> kinds, List<DocumentClass> proxyId) {
        return new OpenProxyApplication(PAIR, "app-1", procedure, kinds, HOLDER, proxyId);
    }

    private static final List<Object> VISIT_ONE = List.of(
            new ProxyApplicationOpened(PAIR, "app-1", Procedure.ISSUANCE, BOTH, HOLDER),
            new InquiryLetterMailed(PAIR, "app-1", ISSUED_ON));

    private static RenewCertificates proxyRenewal(ApplicantType applicant, boolean withExpiryNotice) {
        return new RenewCertificates(PAIR, "req-2", BOTH, applicant, PROXY_ID, TERMINAL, null, withExpiryNotice);
    }

    @Nested
    class TwoVisits {

        @Test
        @DisplayName("R-PRC-2: a voluntary proxy cannot get certificates issued in one visit")
        void noOneVisitIssue() {
            assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(proxyIssue(ApplicantType.VOLUNTARY_PROXY, BOTH, null, false)), "R-PRC-2");
        }

        @Test
        @DisplayName("R-PRC-2: visit 1 records the request and mails the inquiry letter; nothing is issued")
        void visitOneIssuesNothing() {
            fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(visitOne(Procedure.ISSUANCE, BOTH, PROXY_ID))
                    .expectEvents(VISIT_ONE.toArray());
        }

        @Test
        @DisplayName("R-PRC-2: visit 2 before the answered letter is back is refused")
        void notBeforeAnswer() {
            assertRefused(fixtureAt(ISSUED_AT).given(VISIT_ONE)
                    .when(proxyIssue(ApplicantType.VOLUNTARY_PROXY, BOTH, "app-1", false)), "R-PRC-2");
        }

        @Test
        @DisplayName("R-PRC-2: the answered letter is recorded once")
        void answerRecorded() {
            fixtureAt(ISSUED_AT).given(VISIT_ONE)
                    .when(new RecordInquiryAnswer(PAIR, "app-1", PROXY_ID))
                    .expectEvents(new InquiryAnswered(PAIR, "app-1"));
            fixtureAt(ISSUED_AT).given(with(VISIT_ONE, new InquiryAnswered(PAIR, "app-1")))
                    .when(new RecordInquiryAnswer(PAIR, "app-1", PROXY_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("R-PRC-2: an answer for an application never opened is refused")
        void unknownApplication() {
            assertRefused(fixtureAt(ISSUED_AT).given(VISIT_ONE).when(new RecordInquiryAnswer(PAIR, "app-9", PROXY_ID)), "R-PRC-2");
        }

        @Test
        @DisplayName("R-PRC-2: on visit 2 with the answered letter the issuance is accepted")
        void visitTwoIssues() {
            Instant visitTwo = at(LocalDate.of(2024, 3, 21), 10);
            fixtureAt(visitTwo).given(with(VISIT_ONE, new InquiryAnswered(PAIR, "app-1")))
                    .when(proxyIssue(ApplicantType.VOLUNTARY_PROXY, BOTH, "app-1", false))
                    .expectEvents(new IssuanceRequested(PAIR, "req-1", HOLDER, CARD, CARD_EXPIRY, BOTH,
                            ApplicantType.VOLUNTARY_PROXY, TERMINAL, 0, null));
        }

        @Test
        @DisplayName("R-PRC-2: the letter answers for what was asked: an AUTH-only application does not cover SIGN")
        void applicationCoversWhatWasAsked() {
            var authOnly = List.of(new ProxyApplicationOpened(PAIR, "app-1", Procedure.ISSUANCE, AUTH, HOLDER),
                    new InquiryLetterMailed(PAIR, "app-1", ISSUED_ON), new InquiryAnswered(PAIR, "app-1"));
            assertRefused(fixtureAt(ISSUED_AT).given(authOnly)
                    .when(proxyIssue(ApplicantType.VOLUNTARY_PROXY, BOTH, "app-1", false)), "R-PRC-2");
        }

        @Test
        @DisplayName("R-PRC-2: an answered renewal application does not authorise an issuance")
        void procedureMustMatch() {
            var renewalApplication = List.of(new ProxyApplicationOpened(PAIR, "app-1", Procedure.RENEWAL, BOTH, HOLDER),
                    new InquiryLetterMailed(PAIR, "app-1", ISSUED_ON), new InquiryAnswered(PAIR, "app-1"));
            assertRefused(fixtureAt(ISSUED_AT).given(renewalApplication)
                    .when(proxyIssue(ApplicantType.VOLUNTARY_PROXY, BOTH, "app-1", false)), "R-PRC-2");
        }

        @Test
        @DisplayName("R-PRC-2 + R-PRC-4: visit 1 checks the proxy's own ID (A×1 or B×2 by default)")
        void visitOneChecksProxyId() {
            assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(visitOne(Procedure.ISSUANCE, BOTH, List.of(DocumentClass.B))), "R-PRC-4");
        }

        @Test
        @DisplayName("R-PRC-5: a branch that takes no proxies refuses visit 1 already")
        void branchWithoutProxies() {
            var offices = new OfficeCapabilities(Map.of("branch-2", Set.of(
                    OfficeCapabilities.capability(Procedure.ISSUANCE, ApplicantType.RESIDENT))));
            var rules = rules(clockAt(ISSUED_AT), offices, List.of());
            assertRefused(fixture(rules).givenNoPriorActivity()
                    .when(visitOne(Procedure.ISSUANCE, BOTH, PROXY_ID), fromOffice("branch-2")), "R-PRC-5");
            fixture(rules).givenNoPriorActivity()
                    .when(visitOne(Procedure.ISSUANCE, BOTH, PROXY_ID), fromOffice("main"))
                    .expectEvents(VISIT_ONE.toArray());
        }

        @Test
        @DisplayName("R-PRC-5: on visit 2 the office's capabilities apply again")
        void branchRefusesVisitTwo() {
            var offices = new OfficeCapabilities(Map.of("branch-2", Set.of(
                    OfficeCapabilities.capability(Procedure.ISSUANCE, ApplicantType.RESIDENT))));
            assertRefused(fixture(rules(clockAt(ISSUED_AT), offices, List.of()))
                    .given(with(VISIT_ONE, new InquiryAnswered(PAIR, "app-1")))
                    .when(proxyIssue(ApplicantType.VOLUNTARY_PROXY, BOTH, "app-1", false), fromOffice("branch-2")), "R-PRC-5");
        }
    }

    @Nested
    class OneVisit {

        @Test
        @DisplayName("R-PRC-3: a proxy with the expiry notice renews a still-valid pair in one visit")
        void proxyWithExpiryNotice() {
            fixtureAt(IN_WINDOW).given(activePair())
                    .when(proxyRenewal(ApplicantType.VOLUNTARY_PROXY, true))
                    .expectEvents(new RenewalRequested(PAIR, "req-2", "card-1", BOTH, ApplicantType.VOLUNTARY_PROXY, TERMINAL, 0));
        }

        @Test
        @DisplayName("R-PRC-3: a same-household member with the expiry notice renews in one visit too")
        void householdMemberWithExpiryNotice() {
            fixtureAt(IN_WINDOW).given(activePair())
                    .when(proxyRenewal(ApplicantType.SAME_HOUSEHOLD_MEMBER, true))
                    .expectEvents(new RenewalRequested(PAIR, "req-2", "card-1", BOTH, ApplicantType.SAME_HOUSEHOLD_MEMBER,
                            TERMINAL, 0));
        }

        @Test
        @DisplayName("R-PRC-2: without the expiry notice a proxy renewal takes two visits")
        void proxyWithoutExpiryNotice() {
            assertRefused(fixtureAt(IN_WINDOW).given(activePair()).when(proxyRenewal(ApplicantType.VOLUNTARY_PROXY, false)),
                    "R-PRC-2");
        }

        @Test
        @DisplayName("R-PRC-3: a legal representative with an A document: one visit; with B only: two")
        void legalRepresentative() {
            var ward = PairFixtures.holder(LocalDate.of(1950, 5, 5), true);
            var withA = new IssueCertificates(PAIR, "req-1", ward, CARD, AUTH, ApplicantType.LEGAL_REPRESENTATIVE,
                    List.of(DocumentClass.A), TERMINAL, null, false, false, null);
            fixtureAt(ISSUED_AT).givenNoPriorActivity()
                    .when(withA)
                    .expectEvents(new IssuanceRequested(PAIR, "req-1", ward, CARD, LocalDate.of(2033, 5, 5), AUTH,
                            ApplicantType.LEGAL_REPRESENTATIVE, TERMINAL, 0, null));
            var withB = new IssueCertificates(PAIR, "req-1", ward, CARD, AUTH, ApplicantType.LEGAL_REPRESENTATIVE,
                    List.of(DocumentClass.B), TERMINAL, null, false, false, null);
            assertRefused(fixtureAt(ISSUED_AT).givenNoPriorActivity().when(withB), "R-PRC-2");
        }

        @Test
        @DisplayName("R-PRC-3: SIGN re-issued with a move notice by a same-household member: one visit; nothing else is")
        void householdMemberWithMoveNotice() {
            Instant moved = at(LocalDate.of(2026, 5, 1), 10);
            var afterMove = with(activePair(), new BasicInfoChanged(PAIR, Set.of(BasicItem.ADDRESS), LocalDate.of(2026, 5, 1)),
                    new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.AFFILIATION_CHANGED, moved));
            fixtureAt(moved).given(afterMove)
                    .when(proxyIssue(ApplicantType.SAME_HOUSEHOLD_MEMBER, SIGN, null, true))
                    .expectEvents(new IssuanceRequested(PAIR, "req-1", HOLDER, CARD, CARD_EXPIRY, SIGN,
                            ApplicantType.SAME_HOUSEHOLD_MEMBER, TERMINAL, 0, null));
            assertRefused(fixtureAt(moved).given(afterMove)
                    .when(proxyIssue(ApplicantType.SAME_HOUSEHOLD_MEMBER, SIGN, null, false)), "R-PRC-2");
            assertRefused(fixtureAt(moved).given(afterMove)
                    .when(proxyIssue(ApplicantType.VOLUNTARY_PROXY, SIGN, null, true)), "R-PRC-2");
        }
    }
}
