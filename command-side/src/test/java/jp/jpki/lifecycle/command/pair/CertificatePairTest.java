package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH_SERIAL;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD;
import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD_EXPIRY;
import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.NOT_AFTER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.SIGN_SERIAL;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issue;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issueBoth;
import static jp.jpki.lifecycle.command.pair.PairFixtures.jst;
import static jp.jpki.lifecycle.command.pair.PairFixtures.rulesAt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.ConfirmCertificatesWritten;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.api.pin.ConfirmPinReset;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.pin.RecordPinLock;
import jp.jpki.lifecycle.api.pin.ResetPin;
import jp.jpki.lifecycle.api.proxy.InquiryAnswered;
import jp.jpki.lifecycle.api.proxy.InquiryLetterMailed;
import jp.jpki.lifecycle.api.proxy.OpenProxyApplication;
import jp.jpki.lifecycle.api.proxy.ProxyApplicationOpened;
import jp.jpki.lifecycle.api.proxy.RecordInquiryAnswer;
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
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import jp.jpki.lifecycle.command.policy.calendar.MaintenanceCalendar;
import jp.jpki.lifecycle.command.policy.calendar.Stoppage;
import jp.jpki.lifecycle.command.policy.office.OfficeCapabilities;
import jp.jpki.lifecycle.command.policy.validity.EndOfValidity;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The aggregate decides: every aggregate-level rule of docs/domain.md, given events, when a command, then events or a refusal. */
class CertificatePairTest {

    /** Tuesday 1 June 2027, 10:00 JST: a working day, outside any maintenance window. */
    private static final Instant NOW = jst("2027-06-01T10:00");
    private static final LocalDate BORN_1960 = LocalDate.parse("1960-01-01");

    private static FixtureConfiguration<CertificatePair> at(Instant now) {
        return at(rulesAt(now));
    }

    private static FixtureConfiguration<CertificatePair> at(PairRules rules) {
        AggregateTestFixture<CertificatePair> fixture = new AggregateTestFixture<>(CertificatePair.class);
        fixture.registerInjectableResource(rules);
        return fixture;
    }

    private static void refused(org.axonframework.test.aggregate.ResultValidator<CertificatePair> result, String ruleId) {
        result.expectException(RuleViolationException.class).expectNoEvents()
                .expectException(Matchers.predicate(e -> ((RuleViolationException) e).ruleId().equals(ruleId)));
    }

    private static List<Object> with(List<Object> given, Object... more) {
        List<Object> events = new ArrayList<>(given);
        events.addAll(List.of(more));
        return events;
    }

    // ---- eligibility ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-ELG-1: no issuance on an expired card")
    void r_elg_1() {
        var oldCard = new jp.jpki.lifecycle.api.pair.CardInfo("CARD-OLD-1", LocalDate.parse("2016-01-10"), LocalDate.parse("2016-02-01"),
                null, jp.jpki.lifecycle.api.pair.CardGeneration.FIRST, false);
        refused(at(NOW).givenNoPriorActivity().when(issue("req-1", HOLDER, oldCard, Set.of(AUTH), ApplicantType.RESIDENT, List.of())),
                "R-ELG-1");
    }

    @Test
    @DisplayName("R-ELG-2: SIGN refused under 15; a supervisor's recorded reason overrides for an adult ward")
    void r_elg_2() {
        HolderFacts child = PairFixtures.holder(LocalDate.parse("2014-01-01"), false);
        refused(at(NOW).givenNoPriorActivity().when(issue("req-1", child, CARD, Set.of(SIGN), ApplicantType.LEGAL_REPRESENTATIVE,
                List.of(DocumentClass.A))), "R-ELG-2");
        HolderFacts ward = PairFixtures.holder(BORN_1960, true);
        var overridden = new jp.jpki.lifecycle.api.issuance.IssueCertificates(PAIR, "req-2", ward, CARD, Set.of(SIGN),
                ApplicantType.LEGAL_REPRESENTATIVE, List.of(DocumentClass.A, DocumentClass.B), "terminal-1", null, false, false,
                "court decision seen");
        at(NOW).givenNoPriorActivity().when(overridden).expectEventsMatching(payloads(
                event -> event instanceof IssuanceRequested requested && "court decision seen".equals(requested.eligibilityOverrideReason())));
    }

    @Test
    @DisplayName("R-ELG-3: AUTH for a child, applied for by the legal representative only")
    void r_elg_3() {
        HolderFacts child = PairFixtures.holder(LocalDate.parse("2020-01-01"), false);
        refused(at(NOW).givenNoPriorActivity().when(issue("req-1", child, CARD, Set.of(AUTH), ApplicantType.RESIDENT, List.of())),
                "R-ELG-3");
        at(NOW).givenNoPriorActivity().when(issue("req-1", child, CARD, Set.of(AUTH), ApplicantType.LEGAL_REPRESENTATIVE,
                List.of(DocumentClass.A, DocumentClass.B))).expectEventsMatching(payloads(event -> event instanceof IssuanceRequested));
    }

    @Test
    @DisplayName("R-ELG-4: a face-authentication card takes no SIGN and has no PIN to lock")
    void r_elg_4() {
        var faceCard = PairFixtures.card("CARD-FACE-1", true);
        refused(at(NOW).givenNoPriorActivity().when(issue("req-1", HOLDER, faceCard, Set.of(SIGN, AUTH), ApplicantType.RESIDENT,
                List.of())), "R-ELG-4");
    }

    // ---- PINs ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-PIN-2, R-PIN-3: a lock is recorded once per kind; the certificates stay valid")
    void r_pin_2_and_3_locks() {
        at(NOW).given(activePair()).when(new RecordPinLock(PAIR, AUTH)).expectEvents(new PinLocked(PAIR, AUTH));
        at(NOW).given(with(activePair(), new PinLocked(PAIR, AUTH))).when(new RecordPinLock(PAIR, AUTH)).expectNoEvents();
        at(NOW).given(with(activePair(), new PinLocked(PAIR, AUTH))).when(new RecordPinLock(PAIR, SIGN))
                .expectEvents(new PinLocked(PAIR, SIGN));
        at(NOW).given(with(activePair(), new PinLocked(PAIR, AUTH))).when(new RenewCertificates(PAIR, "req-9", Set.of(AUTH),
                ApplicantType.RESIDENT, List.of(), "terminal-1", null, false))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    @DisplayName("R-PIN-3: no lock is recorded on a revoked certificate")
    void r_pin_3_not_on_revoked() {
        refused(at(NOW).given(with(activePair(), new CertificateRevoked(PAIR, AUTH, AUTH_SERIAL, RevocationReason.KEY_COMPROMISE, NOW)))
                .when(new RecordPinLock(PAIR, AUTH)), "R-PIN-3");
    }

    @Test
    @DisplayName("R-PIN-4, R-PRC-4: a PIN reset needs identity documents, goes to the card and issues no certificate")
    void r_pin_4_reset() {
        refused(at(NOW).given(with(activePair(), new PinLocked(PAIR, AUTH)))
                .when(new ResetPin(PAIR, "req-2", AUTH, ApplicantType.RESIDENT, List.of(), "terminal-1", null)), "R-PRC-4");
        at(NOW).given(with(activePair(), new PinLocked(PAIR, AUTH)))
                .when(new ResetPin(PAIR, "req-2", AUTH, ApplicantType.RESIDENT, List.of(DocumentClass.A), "terminal-1", null))
                .expectEvents(new PinResetRequested(PAIR, "req-2", CARD.cardId(), AUTH, "terminal-1"));
        at(NOW).given(with(activePair(), new PinLocked(PAIR, AUTH), new PinResetRequested(PAIR, "req-2", CARD.cardId(), AUTH, "terminal-1")))
                .when(new ConfirmPinReset(PAIR, "req-2")).expectEvents(new PinReset(PAIR, "req-2", AUTH));
    }

    @Test
    @DisplayName("R-PIN-4: a revoked certificate's PIN is not reset")
    void r_pin_4_not_on_revoked() {
        refused(at(NOW).given(with(activePair(), new CertificateRevoked(PAIR, AUTH, AUTH_SERIAL, RevocationReason.KEY_COMPROMISE, NOW)))
                .when(new ResetPin(PAIR, "req-2", AUTH, ApplicantType.RESIDENT, List.of(DocumentClass.A), "terminal-1", null)), "R-PIN-4");
    }

    // ---- validity and expiry --------------------------------------------------------------------------------

    @Test
    @DisplayName("R-VAL-7, R-REN-4: writing a certificate schedules its expiry, its renewal window and its expiry notice")
    void r_val_7_deadlines_scheduled() {
        List<Object> signed = activePair().subList(0, 3);
        at(NOW).given(signed).when(new ConfirmCertificatesWritten(PAIR, "req-1"))
                .expectEvents(new CertificatesWrittenToCard(PAIR, "req-1", List.of(AUTH_SERIAL, SIGN_SERIAL)))
                .expectScheduledDeadlineWithName(EndOfValidity.expiredAt(NOT_AFTER), CertificateDeadlines.EXPIRY)
                .expectScheduledDeadlineWithName(CertificateDeadlines.startOf(LocalDate.parse("2031-08-15")), CertificateDeadlines.RENEWAL_WINDOW)
                .expectScheduledDeadlineWithName(CertificateDeadlines.startOf(LocalDate.parse("2031-08-14")), CertificateDeadlines.EXPIRY_NOTICE);
    }

    @Test
    @DisplayName("R-VAL-7: at the end of the notAfter day (JST) both certificates expire by deadline")
    void r_val_7_expiry_by_deadline() {
        at(NOW).given(activePair().subList(0, 3)).andGivenCommands(new ConfirmCertificatesWritten(PAIR, "req-1"))
                .whenThenTimeAdvancesTo(EndOfValidity.expiredAt(NOT_AFTER).plusSeconds(1))
                .expectEventsMatching(payloads(
                        event -> event.equals(new CertificateExpired(PAIR, AUTH, AUTH_SERIAL, NOT_AFTER)),
                        event -> event.equals(new CertificateExpired(PAIR, SIGN, SIGN_SERIAL, NOT_AFTER))));
    }

    // ---- renewal ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-REN-1: renewal before the window is refused with the day it opens")
    void r_ren_1_before_window() {
        at(jst("2031-08-14T10:00")).given(activePair()).when(renew(AUTH))
                .expectException(RuleViolationException.class).expectNoEvents()
                .expectException(Matchers.predicate(e -> ((RuleViolationException) e).ruleId().equals("R-REN-1")
                        && "2031-08-15".equals(((RuleViolationException) e).refusal().facts().get("opensOn"))));
    }

    @Test
    @DisplayName("R-REN-1, R-PRC-7: inside the window a renewal is requested, free of charge")
    void r_ren_1_inside_window() {
        at(jst("2031-09-24T10:00")).given(activePair()).when(renew(AUTH))
                .expectEvents(new RenewalRequested(PAIR, "req-5", CARD.cardId(), Set.of(AUTH), ApplicantType.RESIDENT, "terminal-1", 0));
    }

    @Test
    @DisplayName("R-REN-2: once the renewed certificate is on the card, the old one is revoked as superseded")
    void r_ren_2_superseded() {
        Instant renewal = jst("2031-09-24T10:00");
        List<Object> renewed = with(activePair(),
                new RenewalRequested(PAIR, "req-5", CARD.cardId(), Set.of(AUTH), ApplicantType.RESIDENT, "terminal-1", 0),
                new jp.jpki.lifecycle.api.issuance.CardKeysGenerated(PAIR, "req-5", Map.of(AUTH, "spki-a2")),
                new jp.jpki.lifecycle.api.renewal.CertificatesRenewed(PAIR, "req-5",
                        List.of(PairFixtures.certificate(AUTH, "a0a72f", CARD_EXPIRY)), Map.of(AUTH, AUTH_SERIAL), 0));
        at(renewal).given(renewed).when(new ConfirmCertificatesWritten(PAIR, "req-5"))
                .expectEvents(new CertificatesWrittenToCard(PAIR, "req-5", List.of("a0a72f")),
                        new CertificateRevoked(PAIR, AUTH, AUTH_SERIAL, RevocationReason.SUPERSEDED, renewal));
    }

    @Test
    @DisplayName("R-REN-3: an expired certificate is not renewed; a new issue follows at once, free")
    void r_ren_3_after_expiry() {
        List<Object> expired = with(activePair(), new CertificateExpired(PAIR, AUTH, AUTH_SERIAL, NOT_AFTER),
                new CertificateExpired(PAIR, SIGN, SIGN_SERIAL, NOT_AFTER));
        refused(at(jst("2031-12-01T10:00")).given(expired).when(renew(AUTH)), "R-REN-3");
        at(jst("2031-12-01T10:00")).given(expired).when(issueBoth("req-6")).expectEventsMatching(payloads(
                event -> event instanceof IssuanceRequested requested && requested.feeYen() == 0));
    }

    // ---- revocation -----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-REV-1: the cause decides the RFC 5280 reason: holder's request -> cessationOfOperation, loss -> keyCompromise")
    void r_rev_1_reasons() {
        at(NOW).given(activePair()).when(new RevokeCertificates(PAIR, Set.of(SIGN), RevocationCause.HOLDER_REQUEST))
                .expectEvents(new CertificateRevoked(PAIR, SIGN, SIGN_SERIAL, RevocationReason.CESSATION_OF_OPERATION, NOW));
        at(NOW).given(activePair()).when(new RevokeCertificates(PAIR, Set.of(AUTH), RevocationCause.LOSS))
                .expectEvents(new CertificateRevoked(PAIR, AUTH, AUTH_SERIAL, RevocationReason.KEY_COMPROMISE, NOW));
        at(NOW).given(activePair()).when(new RevokeCertificates(PAIR, Set.of(), RevocationCause.CA_KEY_COMPROMISE))
                .expectEventsMatching(payloads(
                        event -> event.equals(new CertificateRevoked(PAIR, AUTH, AUTH_SERIAL, RevocationReason.CA_COMPROMISE, NOW)),
                        event -> event.equals(new CertificateRevoked(PAIR, SIGN, SIGN_SERIAL, RevocationReason.CA_COMPROMISE, NOW))));
    }

    @Test
    @DisplayName("R-REV-2: a change of a basic item revokes SIGN only (affiliationChanged); AUTH survives")
    void r_rev_2_basic_info_change() {
        LocalDate moved = LocalDate.parse("2027-05-30");
        at(NOW).given(activePair()).when(new ChangeBasicInfo(PAIR, Set.of(BasicItem.ADDRESS), moved))
                .expectEvents(new BasicInfoChanged(PAIR, Set.of(BasicItem.ADDRESS), moved),
                        new CertificateRevoked(PAIR, SIGN, SIGN_SERIAL, RevocationReason.AFFILIATION_CHANGED, NOW));
    }

    @Test
    @DisplayName("R-REV-2: emigration with continued use revokes SIGN only")
    void r_rev_2_emigration() {
        LocalDate left = LocalDate.parse("2027-05-30");
        at(NOW).given(activePair()).when(new RecordEmigrationWithContinuedUse(PAIR, left))
                .expectEvents(new EmigrationWithContinuedUseRecorded(PAIR, left),
                        new CertificateRevoked(PAIR, SIGN, SIGN_SERIAL, RevocationReason.AFFILIATION_CHANGED, NOW));
    }

    @Test
    @DisplayName("R-REV-3: an invalidated card revokes both, and no certificate is issued on it again")
    void r_rev_3_card_invalidated() {
        at(NOW).given(activePair()).when(new InvalidateCard(PAIR, CardInvalidationCause.RETURNED))
                .expectEventsMatching(payloads(
                        event -> event.equals(new CardInvalidated(PAIR, CARD.cardId(), CardInvalidationCause.RETURNED)),
                        event -> event.equals(new CertificateRevoked(PAIR, AUTH, AUTH_SERIAL, RevocationReason.CESSATION_OF_OPERATION, NOW)),
                        event -> event.equals(new CertificateRevoked(PAIR, SIGN, SIGN_SERIAL, RevocationReason.CESSATION_OF_OPERATION, NOW))));
        List<Object> invalidated = with(activePair(), new CardInvalidated(PAIR, CARD.cardId(), CardInvalidationCause.RETURNED),
                new CertificateRevoked(PAIR, AUTH, AUTH_SERIAL, RevocationReason.CESSATION_OF_OPERATION, NOW),
                new CertificateRevoked(PAIR, SIGN, SIGN_SERIAL, RevocationReason.CESSATION_OF_OPERATION, NOW));
        refused(at(NOW).given(invalidated).when(issueBoth("req-7")), "R-REV-3");
    }

    @Test
    @DisplayName("R-REV-3: a removed resident record revokes both")
    void r_rev_3_resident_record_removed() {
        at(NOW).given(activePair()).when(new RevokeCertificates(PAIR, Set.of(), RevocationCause.RESIDENT_RECORD_REMOVED))
                .expectEventsMatching(payloads(
                        event -> event.equals(new CertificateRevoked(PAIR, AUTH, AUTH_SERIAL, RevocationReason.CESSATION_OF_OPERATION, NOW)),
                        event -> event.equals(new CertificateRevoked(PAIR, SIGN, SIGN_SERIAL, RevocationReason.CESSATION_OF_OPERATION, NOW))));
    }

    @Test
    @DisplayName("R-REV-4: a loss report holds both; a hold blocks a new issue and ends only in revocation")
    void r_rev_4_hold() {
        at(NOW).given(activePair()).when(new ReportLoss(PAIR)).expectEventsMatching(payloads(
                event -> event.equals(new CertificateHeld(PAIR, AUTH, AUTH_SERIAL, NOW)),
                event -> event.equals(new CertificateHeld(PAIR, SIGN, SIGN_SERIAL, NOW))));
        List<Object> held = with(activePair(), new CertificateHeld(PAIR, AUTH, AUTH_SERIAL, NOW), new CertificateHeld(PAIR, SIGN, SIGN_SERIAL, NOW));
        refused(at(NOW).given(held).when(issue("req-8", HOLDER, PairFixtures.card("CARD-FIX-2", false), Set.of(AUTH),
                ApplicantType.RESIDENT, List.of())), "R-REV-4");
        at(NOW).given(held).when(new RevokeCertificates(PAIR, Set.of(AUTH), RevocationCause.LOSS))
                .expectEvents(new CertificateRevoked(PAIR, AUTH, AUTH_SERIAL, RevocationReason.KEY_COMPROMISE, NOW));
    }

    @Test
    @DisplayName("R-REV-5: revocation is final: a revoked certificate is not revoked again or renewed")
    void r_rev_5_final() {
        List<Object> revoked = with(activePair(), new CertificateRevoked(PAIR, SIGN, SIGN_SERIAL, RevocationReason.KEY_COMPROMISE, NOW));
        refused(at(NOW).given(revoked).when(new RevokeCertificates(PAIR, Set.of(SIGN), RevocationCause.LOSS)), "R-REV-5");
        at(jst("2031-09-24T10:00")).given(revoked).when(renew(SIGN)).expectException(RuleViolationException.class).expectNoEvents();
    }

    // ---- procedures -------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-PRC-2: a voluntary proxy's first visit records the request and mails the inquiry letter; nothing is issued")
    void r_prc_2_two_visits() {
        refused(at(NOW).givenNoPriorActivity().when(issue("req-1", HOLDER, CARD, Set.of(AUTH), ApplicantType.VOLUNTARY_PROXY,
                List.of(DocumentClass.A))), "R-PRC-2");
        at(NOW).givenNoPriorActivity()
                .when(new OpenProxyApplication(PAIR, "app-1", Procedure.ISSUANCE, Set.of(AUTH), HOLDER, List.of(DocumentClass.A)))
                .expectEvents(new ProxyApplicationOpened(PAIR, "app-1", Procedure.ISSUANCE, Set.of(AUTH), HOLDER),
                        new InquiryLetterMailed(PAIR, "app-1", LocalDate.parse("2027-06-01")));
        List<Object> opened = List.of(new ProxyApplicationOpened(PAIR, "app-1", Procedure.ISSUANCE, Set.of(AUTH), HOLDER),
                new InquiryLetterMailed(PAIR, "app-1", LocalDate.parse("2027-06-01")));
        var visit2 = new jp.jpki.lifecycle.api.issuance.IssueCertificates(PAIR, "req-2", HOLDER, CARD, Set.of(AUTH),
                ApplicantType.VOLUNTARY_PROXY, List.of(DocumentClass.A), "terminal-1", "app-1", false, false, null);
        refused(at(NOW).given(opened).when(visit2), "R-PRC-2");
        at(NOW).given(opened).when(new RecordInquiryAnswer(PAIR, "app-1", List.of(DocumentClass.A)))
                .expectEvents(new InquiryAnswered(PAIR, "app-1"));
        at(NOW).given(with(opened, new InquiryAnswered(PAIR, "app-1"))).when(visit2)
                .expectEventsMatching(payloads(event -> event instanceof IssuanceRequested));
    }

    @Test
    @DisplayName("R-PRC-3: one visit for a legal representative with an A document, and for a proxy renewing with the expiry notice")
    void r_prc_3_one_visit() {
        HolderFacts child = PairFixtures.holder(LocalDate.parse("2016-04-04"), false);
        at(NOW).givenNoPriorActivity().when(issue("req-1", child, CARD, Set.of(AUTH), ApplicantType.LEGAL_REPRESENTATIVE,
                List.of(DocumentClass.A, DocumentClass.B))).expectEventsMatching(payloads(event -> event instanceof IssuanceRequested));
        at(jst("2031-09-24T10:00")).given(activePair()).when(new RenewCertificates(PAIR, "req-5", Set.of(AUTH),
                ApplicantType.VOLUNTARY_PROXY, List.of(DocumentClass.A), "terminal-1", null, true))
                .expectEventsMatching(payloads(event -> event instanceof RenewalRequested));
    }

    @Test
    @DisplayName("R-PRC-5: an office that takes no proxies refuses one")
    void r_prc_5_office_capabilities() {
        OfficeCapabilities residentsOnly = new OfficeCapabilities(Map.of("setagaya-branch",
                Set.of(OfficeCapabilities.capability(Procedure.ISSUANCE, ApplicantType.RESIDENT))));
        PairRules rules = rulesAt(NOW, residentsOnly, new MaintenanceCalendar(EndOfValidity.JST, true, List.of()));
        var fromBranch = org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                issue("req-1", PairFixtures.holder(LocalDate.parse("2016-04-04"), false), CARD, Set.of(AUTH),
                        ApplicantType.LEGAL_REPRESENTATIVE, List.of(DocumentClass.A, DocumentClass.B)))
                .andMetaData(Map.of(jp.jpki.lifecycle.api.pair.MetadataKeys.OFFICE, "setagaya-branch"));
        refused(at(rules).givenNoPriorActivity().when(fromBranch.getPayload(), fromBranch.getMetaData()), "R-PRC-5");
    }

    @Test
    @DisplayName("R-PRC-6: no card operation on the 3rd Saturday, the following Sunday, or during an announced stoppage")
    void r_prc_6_maintenance() {
        refused(at(jst("2027-06-19T10:00")).givenNoPriorActivity().when(issueBoth("req-1")), "R-PRC-6");
        refused(at(jst("2027-06-20T10:00")).given(activePair()).when(new ResetPin(PAIR, "req-2", AUTH, ApplicantType.RESIDENT,
                List.of(DocumentClass.A), "terminal-1", null)), "R-PRC-6");
        Stoppage stoppage = new Stoppage(jst("2027-06-01T09:00"), jst("2027-06-01T12:00"), "CA key ceremony");
        PairRules rules = rulesAt(NOW, OfficeCapabilities.allowingEverything(),
                new MaintenanceCalendar(EndOfValidity.JST, true, List.of(stoppage)));
        refused(at(rules).givenNoPriorActivity().when(issueBoth("req-1")), "R-PRC-6");
    }

    @Test
    @DisplayName("R-PRC-7: issuance on a card re-issued by the holder's own fault costs 200 yen; a first issue is free")
    void r_prc_7_fees() {
        at(NOW).givenNoPriorActivity().when(issueBoth("req-1"))
                .expectEventsMatching(payloads(event -> event instanceof IssuanceRequested requested && requested.feeYen() == 0));
        var ownFault = new jp.jpki.lifecycle.api.issuance.IssueCertificates(PAIR, "req-1", HOLDER, CARD, Set.of(SIGN, AUTH),
                ApplicantType.RESIDENT, List.of(), "terminal-1", null, false, true, null);
        at(NOW).givenNoPriorActivity().when(ownFault)
                .expectEventsMatching(payloads(event -> event instanceof IssuanceRequested requested && requested.feeYen() == 200));
    }

    private static RenewCertificates renew(CertificateKind kind) {
        return new RenewCertificates(PAIR, "req-5", Set.of(kind), ApplicantType.RESIDENT, List.of(), "terminal-1", null, false);
    }

    /** The published events' payloads contain one matching each predicate (in any order, among others). */
    @SafeVarargs
    private static Matcher<List<EventMessage<?>>> payloads(java.util.function.Predicate<Object>... expected) {
        return Matchers.predicate(events -> {
            List<Object> published = events.stream().map(EventMessage::getPayload).map(Object.class::cast).toList();
            for (java.util.function.Predicate<Object> one : expected) {
                if (published.stream().noneMatch(one)) {
                    return false;
                }
            }
            return true;
        });
    }
}
