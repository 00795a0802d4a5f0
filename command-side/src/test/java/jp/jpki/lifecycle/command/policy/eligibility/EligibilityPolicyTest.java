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
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EligibilityPolicyTest {

    private static final LocalDate TODAY = LocalDate.parse("2027-08-01");
    private static final Set<CertificateKind> BOTH = Set.of(CertificateKind.SIGN, CertificateKind.AUTH);
    private final EligibilityPolicy policy = new EligibilityPolicy();

    private static HolderFacts born(String dateOfBirth, boolean adultWard) {
        return new HolderFacts("R-1", "131121", new BasicFourItems("N", "A", LocalDate.parse(dateOfBirth), Sex.FEMALE), adultWard);
    }

    private static CardInfo card(boolean faceAuthentication) {
        return new CardInfo("CARD-1", LocalDate.parse("2024-01-10"), LocalDate.parse("2024-02-01"), null, CardGeneration.FIRST,
                faceAuthentication);
    }

    private static String rule(Decision decision) {
        return decision instanceof Decision.Refused refused ? refused.ruleId() : "allowed";
    }

    @Test
    @DisplayName("R-ELG-1: an expired card is refused for issuance; the expiry day itself is still valid")
    void r_elg_1_valid_card_required() {
        assertThat(rule(policy.checkCardValid(LocalDate.parse("2027-07-31"), TODAY))).isEqualTo("R-ELG-1");
        assertThat(rule(policy.checkCardValid(TODAY, TODAY))).isEqualTo("allowed");
        assertThat(rule(policy.checkIssuance(BOTH, born("1980-01-01", false), card(false), LocalDate.parse("2027-07-31"),
                ApplicantType.RESIDENT, null, TODAY))).isEqualTo("R-ELG-1");
    }

    @Test
    @DisplayName("R-ELG-2: SIGN from the 15th birthday on, not the day before")
    void r_elg_2_sign_from_fifteen() {
        CardInfo card = card(false);
        LocalDate cardExpiry = LocalDate.parse("2030-01-01");
        assertThat(rule(policy.checkIssuance(Set.of(CertificateKind.SIGN), born("2012-08-02", false), card, cardExpiry,
                ApplicantType.LEGAL_REPRESENTATIVE, null, TODAY))).isEqualTo("R-ELG-2");
        assertThat(rule(policy.checkIssuance(Set.of(CertificateKind.SIGN), born("2012-08-01", false), card, cardExpiry,
                ApplicantType.RESIDENT, null, TODAY))).isEqualTo("allowed");
    }

    @Test
    @DisplayName("R-ELG-2: no SIGN for an adult ward unless a supervisor overrides with a reason")
    void r_elg_2_adult_ward_and_override() {
        LocalDate cardExpiry = LocalDate.parse("2030-01-01");
        HolderFacts ward = born("1960-01-01", true);
        assertThat(rule(policy.checkIssuance(BOTH, ward, card(false), cardExpiry, ApplicantType.LEGAL_REPRESENTATIVE, null, TODAY)))
                .isEqualTo("R-ELG-2");
        assertThat(rule(policy.checkIssuance(BOTH, ward, card(false), cardExpiry, ApplicantType.LEGAL_REPRESENTATIVE, " ", TODAY)))
                .as("a blank reason is no reason").isEqualTo("R-ELG-2");
        assertThat(rule(policy.checkIssuance(BOTH, ward, card(false), cardExpiry, ApplicantType.LEGAL_REPRESENTATIVE,
                "court decision shown", TODAY))).isEqualTo("allowed");
    }

    @Test
    @DisplayName("R-ELG-3: AUTH at any age, but for under-15s and adult wards the legal representative applies")
    void r_elg_3_auth_any_age_with_representative() {
        LocalDate cardExpiry = LocalDate.parse("2030-01-01");
        HolderFacts child = born("2020-05-05", false);
        assertThat(rule(policy.checkIssuance(Set.of(CertificateKind.AUTH), child, card(false), cardExpiry, ApplicantType.RESIDENT, null,
                TODAY))).isEqualTo("R-ELG-3");
        assertThat(rule(policy.checkIssuance(Set.of(CertificateKind.AUTH), child, card(false), cardExpiry,
                ApplicantType.LEGAL_REPRESENTATIVE, null, TODAY))).isEqualTo("allowed");
        assertThat(rule(policy.checkApplicant(born("1960-01-01", true), ApplicantType.RESIDENT, TODAY))).isEqualTo("R-ELG-3");
    }

    @Test
    @DisplayName("R-ELG-4: a face-authentication card carries no SIGN")
    void r_elg_4_face_authentication_card() {
        LocalDate cardExpiry = LocalDate.parse("2030-01-01");
        assertThat(rule(policy.checkIssuance(BOTH, born("1980-01-01", false), card(true), cardExpiry, ApplicantType.RESIDENT, null,
                TODAY))).isEqualTo("R-ELG-4");
        assertThat(rule(policy.checkIssuance(Set.of(CertificateKind.AUTH), born("1980-01-01", false), card(true), cardExpiry,
                ApplicantType.RESIDENT, null, TODAY))).isEqualTo("allowed");
    }
}
