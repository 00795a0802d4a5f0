package jp.jpki.lifecycle.command.pair;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.issuance.CardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.issuance.IssueCertificates;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.command.policy.calendar.MaintenanceCalendar;
import jp.jpki.lifecycle.command.policy.documents.IdentityDocumentPolicy;
import jp.jpki.lifecycle.command.policy.eligibility.EligibilityPolicy;
import jp.jpki.lifecycle.command.policy.fee.FeeSchedule;
import jp.jpki.lifecycle.command.policy.office.OfficeCapabilities;
import jp.jpki.lifecycle.command.policy.proxy.ProxyProcedurePolicy;
import jp.jpki.lifecycle.command.policy.renewal.RenewalWindow;
import jp.jpki.lifecycle.command.policy.validity.CertificateTerms;
import jp.jpki.lifecycle.command.policy.validity.EndOfValidity;
import jp.jpki.lifecycle.command.policy.validity.LeapDayPolicy;
import jp.jpki.lifecycle.command.policy.validity.ValidityPolicy;

/**
 * One resident used across the aggregate tests: born 1985-11-14, card issued 2026-12-01 (valid to 2036-11-14),
 * certificates issued on 2026-12-01 and valid to 2031-11-14 (renewal window from 2031-08-15).
 */
final class PairFixtures {

    static final PairId PAIR = new PairId("fixture-pair-01");
    static final LocalDate BORN = LocalDate.parse("1985-11-14");
    static final LocalDate CARD_EXPIRY = LocalDate.parse("2036-11-14");
    static final LocalDate NOT_AFTER = LocalDate.parse("2031-11-14");
    static final String SIGN_SERIAL = "5160a1";
    static final String AUTH_SERIAL = "a0a71e";
    static final HolderFacts HOLDER = holder(BORN, false);
    static final CardInfo CARD = card("CARD-FIX-1", false);

    private PairFixtures() {
    }

    static HolderFacts holder(LocalDate born, boolean adultWard) {
        return new HolderFacts("R-FIX-1", "131121", new BasicFourItems("Fixture Hanako", "Setagaya 1-2-3", born, Sex.FEMALE), adultWard);
    }

    static CardInfo card(String cardId, boolean faceAuthentication) {
        return new CardInfo(cardId, LocalDate.parse("2026-11-10"), LocalDate.parse("2026-12-01"), null, CardGeneration.FIRST,
                faceAuthentication);
    }

    /** A weekday morning in Japan, outside the monthly maintenance window. */
    static Instant jst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(EndOfValidity.JST).toInstant();
    }

    static PairRules rulesAt(Instant now) {
        return rulesAt(now, OfficeCapabilities.allowingEverything(), new MaintenanceCalendar(EndOfValidity.JST, true, List.of()));
    }

    static PairRules rulesAt(Instant now, OfficeCapabilities offices, MaintenanceCalendar maintenance) {
        return new PairRules(Clock.fixed(now, EndOfValidity.JST),
                new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, CertificateTerms.defaults()), new EligibilityPolicy(),
                new RenewalWindow(), maintenance, FeeSchedule.defaults(), IdentityDocumentPolicy.defaults(), offices,
                new ProxyProcedurePolicy());
    }

    static IssueCertificates issue(String requestId, HolderFacts holder, CardInfo card, Set<CertificateKind> kinds,
                                   ApplicantType applicant, List<DocumentClass> documents) {
        return new IssueCertificates(PAIR, requestId, holder, card, kinds, applicant, documents, "terminal-1", null, false, false, null);
    }

    static IssueCertificates issueBoth(String requestId) {
        return issue(requestId, HOLDER, CARD, Set.of(CertificateKind.SIGN, CertificateKind.AUTH), ApplicantType.RESIDENT, List.of());
    }

    static IssuedCertificate certificate(CertificateKind kind, String serial, LocalDate notAfter) {
        return new IssuedCertificate(kind, serial, jst("2026-12-01T10:00"), notAfter, "MIIB");
    }

    /** The events of a first issue of both certificates that reached the card. */
    static List<Object> activePair() {
        return List.of(
                new IssuanceRequested(PAIR, "req-1", HOLDER, CARD, CARD_EXPIRY, Set.of(CertificateKind.SIGN, CertificateKind.AUTH),
                        ApplicantType.RESIDENT, "terminal-1", 0, null),
                new CardKeysGenerated(PAIR, "req-1", Map.of(CertificateKind.SIGN, "spki-s", CertificateKind.AUTH, "spki-a")),
                new CertificatesIssued(PAIR, "req-1", List.of(certificate(CertificateKind.AUTH, AUTH_SERIAL, NOT_AFTER),
                        certificate(CertificateKind.SIGN, SIGN_SERIAL, NOT_AFTER)), 0),
                new CertificatesWrittenToCard(PAIR, "req-1", List.of(AUTH_SERIAL, SIGN_SERIAL)));
    }
}
