package jp.jpki.lifecycle.command.policy.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.command.policy.validity.LeapDayPolicy;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EligibilityPolicyTest {

    private static final Set<CertificateKind> BOTH = Set.of(CertificateKind.SIGN, CertificateKind.AUTH);
    private static final Set<CertificateKind> AUTH = Set.of(CertificateKind.AUTH);
    private static final LocalDate CARD_EXPIRY = LocalDate.of(2030, 1, 1);
    private static final CardInfo CARD = card(false);
    private static final LocalDate CHILD_DOB = LocalDate.of(2012, 7, 20);

    private final EligibilityPolicy policy = new EligibilityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY);

    private static HolderFacts holder(LocalDate dob, boolean adultWard) {
        return new HolderFacts("r-1", "131016", new BasicFourItems("name", "address", dob, Sex.MALE), adultWard);
    }

    private static CardInfo card(boolean faceAuthentication) {
        return new CardInfo("card-1", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 2, 1), null, CardGeneration.FIRST,
                faceAuthentication);
    }

    private static void assertRefused(Decision decision, String ruleId) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, r -> assertThat(r.ruleId()).isEqualTo(ruleId));
    }

    private Decision issue(Set<CertificateKind> kinds, HolderFacts holder, ApplicantType applicant, String override, LocalDate today) {
        return policy.checkIssuance(kinds, holder, CARD, CARD_EXPIRY, applicant, override, today);
    }

    @Test
    @DisplayName("R-ELG-1: an expired card is refused, with its expiry date")
    void expiredCardRefused() {
        Decision decision = policy.checkCardValid(CARD_EXPIRY, CARD_EXPIRY.plusDays(1));
        assertRefused(decision, "R-ELG-1");
        assertThat(((Decision.Refused) decision).facts()).containsEntry("cardExpiry", "2030-01-01");
    }

    @Test
    @DisplayName("R-ELG-1: the card is valid through its expiry day")
    void cardValidOnItsLastDay() {
        assertThat(policy.checkCardValid(CARD_EXPIRY, CARD_EXPIRY).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-ELG-1: an issuance of AUTH alone also needs a valid card")
    void issuanceNeedsValidCard() {
        assertRefused(issue(AUTH, holder(LocalDate.of(1980, 1, 1), false), ApplicantType.RESIDENT, null,
                CARD_EXPIRY.plusDays(1)), "R-ELG-1");
    }

    @Test
    @DisplayName("R-ELG-2: SIGN is refused the day before the 15th birthday, with the date it becomes possible")
    void signRefusedUnder15() {
        Decision decision = issue(BOTH, holder(CHILD_DOB, false), ApplicantType.LEGAL_REPRESENTATIVE, null, LocalDate.of(2027, 7, 19));
        assertRefused(decision, "R-ELG-2");
        assertThat(((Decision.Refused) decision).facts()).containsEntry("eligibleFrom", "2027-07-20");
    }

    @Test
    @DisplayName("R-ELG-2: SIGN is possible from the 15th birthday itself, applied for by the resident")
    void signFromFifteenthBirthday() {
        assertThat(issue(BOTH, holder(CHILD_DOB, false), ApplicantType.RESIDENT, null, LocalDate.of(2027, 7, 20)).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-ELG-2: SIGN is refused to an adult ward")
    void signRefusedToAdultWard() {
        assertRefused(issue(BOTH, holder(LocalDate.of(1950, 1, 1), true), ApplicantType.LEGAL_REPRESENTATIVE, null,
                LocalDate.of(2024, 3, 10)), "R-ELG-2");
    }

    @Test
    @DisplayName("R-ELG-2: a supervisor's recorded reason overrides the age and adult-ward refusals")
    void supervisorOverride() {
        assertThat(issue(BOTH, holder(CHILD_DOB, false), ApplicantType.LEGAL_REPRESENTATIVE, "court order 12",
                LocalDate.of(2024, 3, 10)).isAllowed()).isTrue();
        assertThat(issue(BOTH, holder(LocalDate.of(1950, 1, 1), true), ApplicantType.LEGAL_REPRESENTATIVE, "guardian confirmed",
                LocalDate.of(2024, 3, 10)).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-ELG-2: a blank override reason is no override")
    void blankOverrideIsNone() {
        assertRefused(issue(BOTH, holder(CHILD_DOB, false), ApplicantType.LEGAL_REPRESENTATIVE, "  ",
                LocalDate.of(2024, 3, 10)), "R-ELG-2");
    }

    @ParameterizedTest(name = "R-ELG-2 + R-VAL-5: a 29 February child's 15th birthday under {0}")
    @EnumSource(LeapDayPolicy.class)
    void leapDayFifteenthBirthday(LeapDayPolicy leap) {
        var leapPolicy = new EligibilityPolicy(leap);
        HolderFacts child = holder(LocalDate.of(2012, 2, 29), false);
        Decision onFeb28 = leapPolicy.checkIssuance(BOTH, child, CARD, CARD_EXPIRY, ApplicantType.RESIDENT, null, LocalDate.of(2027, 2, 28));
        Decision onMar1 = leapPolicy.checkIssuance(BOTH, child, CARD, CARD_EXPIRY, ApplicantType.RESIDENT, null, LocalDate.of(2027, 3, 1));
        assertThat(onMar1.isAllowed()).isTrue();
        if (leap == LeapDayPolicy.LAST_DAY_OF_FEBRUARY) {
            assertThat(onFeb28.isAllowed()).isTrue();
        } else {
            assertRefused(onFeb28, "R-ELG-2");
            assertThat(((Decision.Refused) onFeb28).facts()).containsEntry("eligibleFrom", "2027-03-01");
        }
    }

    @Test
    @DisplayName("R-ELG-3: AUTH has no age limit: a baby gets AUTH through the legal representative")
    void authForABaby() {
        assertThat(issue(AUTH, holder(LocalDate.of(2024, 1, 1), false), ApplicantType.LEGAL_REPRESENTATIVE, null,
                LocalDate.of(2024, 3, 10)).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-ELG-3: an under-15 cannot apply in person, nor through a voluntary proxy")
    void underFifteenNeedsLegalRepresentative() {
        assertRefused(issue(AUTH, holder(CHILD_DOB, false), ApplicantType.RESIDENT, null, LocalDate.of(2024, 3, 10)), "R-ELG-3");
        assertRefused(issue(AUTH, holder(CHILD_DOB, false), ApplicantType.VOLUNTARY_PROXY, null, LocalDate.of(2024, 3, 10)), "R-ELG-3");
    }

    @Test
    @DisplayName("R-ELG-3: an adult ward's AUTH is applied for by the guardian")
    void adultWardNeedsGuardian() {
        HolderFacts ward = holder(LocalDate.of(1950, 1, 1), true);
        assertRefused(issue(AUTH, ward, ApplicantType.RESIDENT, null, LocalDate.of(2024, 3, 10)), "R-ELG-3");
        assertThat(issue(AUTH, ward, ApplicantType.LEGAL_REPRESENTATIVE, null, LocalDate.of(2024, 3, 10)).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-ELG-3: from the 15th birthday the resident applies in person")
    void fifteenYearOldApplies() {
        assertThat(policy.checkApplicant(holder(CHILD_DOB, false), ApplicantType.RESIDENT, LocalDate.of(2027, 7, 20)).isAllowed()).isTrue();
        assertRefused(policy.checkApplicant(holder(CHILD_DOB, false), ApplicantType.RESIDENT, LocalDate.of(2027, 7, 19)), "R-ELG-3");
    }

    @Test
    @DisplayName("R-ELG-4: a face-authentication card carries no SIGN, even with a supervisor's override")
    void faceAuthenticationCardHasNoSign() {
        assertRefused(policy.checkIssuance(BOTH, holder(LocalDate.of(1980, 1, 1), false), card(true), CARD_EXPIRY,
                ApplicantType.RESIDENT, "override", LocalDate.of(2024, 3, 10)), "R-ELG-4");
    }

    @Test
    @DisplayName("R-ELG-4: a face-authentication card does carry AUTH")
    void faceAuthenticationCardCarriesAuth() {
        assertThat(policy.checkIssuance(AUTH, holder(LocalDate.of(1980, 1, 1), false), card(true), CARD_EXPIRY,
                ApplicantType.RESIDENT, null, LocalDate.of(2024, 3, 10)).isAllowed()).isTrue();
    }
}
