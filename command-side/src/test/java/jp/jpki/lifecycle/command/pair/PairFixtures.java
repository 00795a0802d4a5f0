package jp.jpki.lifecycle.command.pair;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.issuance.CardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.ConfirmCertificatesWritten;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.issuance.IssueCertificates;
import jp.jpki.lifecycle.api.issuance.RecordCardKeysGenerated;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.command.policy.calendar.MaintenanceCalendar;
import jp.jpki.lifecycle.command.policy.calendar.Stoppage;
import jp.jpki.lifecycle.command.policy.documents.IdentityDocumentPolicy;
import jp.jpki.lifecycle.command.policy.eligibility.EligibilityPolicy;
import jp.jpki.lifecycle.command.policy.fee.FeeSchedule;
import jp.jpki.lifecycle.command.policy.office.OfficeCapabilities;
import jp.jpki.lifecycle.command.policy.proxy.ProxyProcedurePolicy;
import jp.jpki.lifecycle.command.policy.renewal.RenewalWindow;
import jp.jpki.lifecycle.command.policy.move.MovePeriods;
import jp.jpki.lifecycle.command.policy.validity.CertificateTerms;
import jp.jpki.lifecycle.command.policy.validity.EndOfValidity;
import jp.jpki.lifecycle.command.policy.validity.LeapDayPolicy;
import jp.jpki.lifecycle.command.policy.validity.ValidityPolicy;
import jp.jpki.lifecycle.command.register.InMemoryPairRegister;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * The resident, card and dates the aggregate tests share, and the fixture built from the real policies.
 *
 * <p>The holder was born 1985-11-14 (the first worked example of WorkedExamplesC4Test). The card was applied for on 2023-12-01 and made on
 * 2024-01-10, so it is valid to the 10th birthday after that, 2033-11-14 (R-VAL-6). A pair issued on 2024-03-10
 * runs to the 5th birthday after, 2028-11-14; its renewal window opens 2028-08-15 and a renewal there runs to
 * the 6th birthday, 2033-11-14 (k = 5 would give 2032-11-14).
 */
final class PairFixtures {

    static final PairId PAIR = new PairId("pair-0001");
    static final CardWorkWatchdog WATCHDOG = new CardWorkWatchdog(java.time.Duration.ofMinutes(10));
    static final String MUNICIPALITY = "131016";
    static final String TERMINAL = "T-01";
    static final LocalDate DOB = LocalDate.of(1985, 11, 14);
    static final HolderFacts HOLDER = holder(DOB, false);
    static final CardInfo CARD = card("card-1", LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 10));
    static final LocalDate CARD_EXPIRY = LocalDate.of(2033, 11, 14);
    static final LocalDate ISSUED_ON = LocalDate.of(2024, 3, 10);
    static final Instant ISSUED_AT = at(ISSUED_ON, 10);
    static final LocalDate NOT_AFTER = LocalDate.of(2028, 11, 14);
    static final Set<CertificateKind> BOTH = Set.of(CertificateKind.SIGN, CertificateKind.AUTH);
    static final Set<CertificateKind> SIGN = Set.of(CertificateKind.SIGN);
    static final Set<CertificateKind> AUTH = Set.of(CertificateKind.AUTH);
    static final Map<CertificateKind, String> KEYS = Map.of(CertificateKind.SIGN, "sign-key", CertificateKind.AUTH, "auth-key");
    static final IssuedCertificate AUTH_1 = certificate(CertificateKind.AUTH, "auth-1", ISSUED_AT, NOT_AFTER);
    static final IssuedCertificate SIGN_1 = certificate(CertificateKind.SIGN, "sign-1", ISSUED_AT, NOT_AFTER);

    private PairFixtures() {
    }

    static HolderFacts holder(LocalDate dateOfBirth, boolean adultWard) {
        return new HolderFacts("resident-1", MUNICIPALITY, new BasicFourItems("山田 太郎", "東京都千代田区1-1", dateOfBirth, Sex.MALE),
                adultWard);
    }

    static CardInfo card(String cardId, LocalDate receivedOn, LocalDate issuedOn) {
        return new CardInfo(cardId, receivedOn, issuedOn, null, CardGeneration.FIRST, false);
    }

    static IssuedCertificate certificate(CertificateKind kind, String serial, Instant notBefore, LocalDate notAfter) {
        return new IssuedCertificate(kind, serial, notBefore, notAfter, "der-" + serial);
    }

    /** 10:00 JST on the given day, or another hour. */
    static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(EndOfValidity.JST).toInstant();
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, EndOfValidity.JST);
    }

    static PairRules rules(Clock clock) {
        return rules(clock, OfficeCapabilities.allowingEverything(), List.of());
    }

    static PairRules rules(Clock clock, OfficeCapabilities offices, List<Stoppage> stoppages) {
        LeapDayPolicy leap = LeapDayPolicy.LAST_DAY_OF_FEBRUARY;
        return new PairRules(clock, new ValidityPolicy(leap, CertificateTerms.defaults()), new EligibilityPolicy(leap),
                new RenewalWindow(), new MaintenanceCalendar(EndOfValidity.JST, true, stoppages), FeeSchedule.defaults(),
                IdentityDocumentPolicy.defaults(), offices, new ProxyProcedurePolicy());
    }

    static AggregateTestFixture<CertificatePair> fixture(PairRules rules) {
        return fixture(rules, new InMemoryPairRegister());
    }

    static AggregateTestFixture<CertificatePair> fixture(PairRules rules, InMemoryPairRegister register) {
        AggregateTestFixture<CertificatePair> fixture = new AggregateTestFixture<>(CertificatePair.class);
        fixture.registerInjectableResource(rules);
        fixture.registerInjectableResource(new StubCertificateAuthority(rules.clock()));
        fixture.registerInjectableResource(WATCHDOG);
        // Commands come from a counter of the holder's municipality unless a test says who sends them.
        fixture.registerCommandDispatchInterceptor(messages -> (index, command) ->
                command.getMetaData().containsKey(MetadataKeys.MUNICIPALITY) || command.getMetaData().containsKey(MetadataKeys.ORIGIN)
                        ? command : command.andMetaData(Map.of(MetadataKeys.MUNICIPALITY, MUNICIPALITY)));
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(new MovePeriods());
        return fixture;
    }

    static AggregateTestFixture<CertificatePair> fixtureAt(Instant now) {
        return fixture(rules(clockAt(now)));
    }

    static Map<String, Object> fromOffice(String officeId) {
        return Map.of(MetadataKeys.OFFICE, officeId, MetadataKeys.MUNICIPALITY, MUNICIPALITY);
    }

    // ---- commands ------------------------------------------------------------------------------------

    static IssueCertificates issue(String requestId, Set<CertificateKind> kinds) {
        return issue(requestId, HOLDER, CARD, kinds, ApplicantType.RESIDENT, List.of());
    }

    static IssueCertificates issue(String requestId, HolderFacts holder, CardInfo card, Set<CertificateKind> kinds,
                                   ApplicantType applicant, List<DocumentClass> documents) {
        return new IssueCertificates(PAIR, requestId, holder, card, kinds, applicant, documents, TERMINAL, null, false,
                false, null);
    }

    static RecordCardKeysGenerated keys(String requestId, Set<CertificateKind> kinds) {
        return keys(requestId, kinds, CARD);
    }

    /** The terminal's answer from {@code card}: the keys it generated for the request. */
    static RecordCardKeysGenerated keys(String requestId, Set<CertificateKind> kinds, CardInfo card) {
        return new RecordCardKeysGenerated(PAIR, requestId, card.cardId(), Map.copyOf(
                kinds.stream().collect(java.util.stream.Collectors.toMap(k -> k, KEYS::get))));
    }

    /** The terminal's answer from {@link #CARD}: the certificates with these serials are on it. */
    static ConfirmCertificatesWritten confirm(String requestId, String... serials) {
        return new ConfirmCertificatesWritten(PAIR, requestId, CARD.cardId(), List.of(serials));
    }

    /**
     * The three commands of a resident's first issuance at the counter, from the request to the card's confirmation
     * (the stub CA's first serials).
     */
    static List<Object> issuedByCommands(String requestId, IssueCertificates issue) {
        return List.of(issue, keys(requestId, issue.kinds(), issue.card()), new ConfirmCertificatesWritten(PAIR, requestId,
                issue.card().cardId(), issue.kinds().stream().map(kind -> kind.name().toLowerCase() + "-1").toList()));
    }

    // ---- events --------------------------------------------------------------------------------------

    /** Both certificates active: AUTH auth-1 and SIGN sign-1, issued 2024-03-10, valid to 2028-11-14. */
    static List<Object> activePair() {
        return issued("req-1", HOLDER, CARD, CARD_EXPIRY, List.of(AUTH_1, SIGN_1), 0);
    }

    static List<Object> issued(String requestId, HolderFacts holder, CardInfo card, LocalDate cardExpiry,
                               List<IssuedCertificate> certificates, int feeYen) {
        Set<CertificateKind> kinds = certificates.stream().map(IssuedCertificate::kind)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        List<Object> events = new ArrayList<>();
        events.add(new IssuanceRequested(PAIR, requestId, holder, card, cardExpiry, kinds, ApplicantType.RESIDENT, TERMINAL,
                feeYen, null));
        events.add(new CardKeysGenerated(PAIR, requestId, Map.copyOf(
                kinds.stream().collect(java.util.stream.Collectors.toMap(k -> k, KEYS::get)))));
        events.add(new CertificatesIssued(PAIR, requestId, certificates, feeYen));
        events.add(new CertificatesWrittenToCard(PAIR, requestId, certificates.stream().map(IssuedCertificate::serialHex).toList()));
        return events;
    }

    // ---- refusals ------------------------------------------------------------------------------------

    /** A refusal: nothing happened, and the exception names the rule. */
    static void assertRefused(ResultValidator<CertificatePair> result, String ruleId) {
        result.expectNoEvents().expectException(RuleViolationException.class).expectException(violationOf(ruleId, Map.of()));
    }

    static void assertRefused(ResultValidator<CertificatePair> result, String ruleId, Map<String, Object> facts) {
        result.expectNoEvents().expectException(RuleViolationException.class).expectException(violationOf(ruleId, facts));
    }

    static Matcher<RuleViolationException> violationOf(String ruleId, Map<String, Object> facts) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException item, Description mismatch) {
                mismatch.appendText("was ").appendValue(item.getMessage()).appendText(" with facts ")
                        .appendValue(item.refusal().facts());
                return item.ruleId().equals(ruleId)
                        && facts.entrySet().stream().allMatch(f -> f.getValue().equals(item.refusal().facts().get(f.getKey())));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal by ").appendValue(ruleId).appendText(" with facts ").appendValue(facts);
            }
        };
    }
}
