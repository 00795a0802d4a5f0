package jp.jpki.lifecycle.command.policy.validity;

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
import jp.jpki.lifecycle.command.policy.eligibility.EligibilityPolicy;
import jp.jpki.lifecycle.command.policy.renewal.RenewalWindow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fourteen worked examples of the validity rules (R-VAL-1 to R-VAL-6), each with exact dates.
 *
 * <p>Examples 1 and 7 state the card's expiry (2031-11-14) as a given fact; it is passed in as such. (The
 * card issue date the example quotes, 2021-06-01, would give 2030-11-14 under R-VAL-6; the example is
 * inconsistent there, the certificate dates it asserts are not affected.)
 */
class WorkedExamplesC4Test {

    private static final LocalDate DOB_1985 = LocalDate.of(1985, 11, 14);
    private static final LocalDate DOB_1990 = LocalDate.of(1990, 4, 10);
    private static final LocalDate DOB_2012 = LocalDate.of(2012, 7, 20);
    private static final LocalDate LEAP_DOB = LocalDate.of(2000, 2, 29);
    private static final LocalDate NO_CAP = LocalDate.of(2099, 12, 31);

    private final ValidityPolicy validity = new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, CertificateTerms.defaults());
    private final ValidityPolicy validityMarchFirst = new ValidityPolicy(LeapDayPolicy.MARCH_FIRST, CertificateTerms.defaults());
    private final RenewalWindow window = new RenewalWindow();

    private LocalDate auth(ValidityPolicy policy, LocalDate dob, LocalDate issuedOn, boolean renewal, LocalDate cardExpiry) {
        return policy.notAfter(CertificateKind.AUTH, dob, issuedOn, renewal, cardExpiry, null, CardGeneration.FIRST);
    }

    private LocalDate sign(LocalDate dob, LocalDate issuedOn, boolean renewal, LocalDate cardExpiry, LocalDate authNotAfter) {
        return validity.notAfter(CertificateKind.SIGN, dob, issuedOn, renewal, cardExpiry, authNotAfter, CardGeneration.FIRST);
    }

    private static CardInfo card(LocalDate receivedOn, LocalDate issuedOn) {
        return new CardInfo("card-c4", receivedOn, issuedOn, null, CardGeneration.FIRST, false);
    }

    @Test
    @DisplayName("C.4 example 1: issued 2024-03-10, 5th birthday after issue 2028-11-14 under the card cap (R-VAL-1, R-VAL-2, R-VAL-3)")
    void example1() {
        LocalDate issued = LocalDate.of(2024, 3, 10);
        LocalDate card = LocalDate.of(2031, 11, 14);
        assertThat(Birthdays.nthBirthdayAfter(DOB_1985, issued, 1, LeapDayPolicy.LAST_DAY_OF_FEBRUARY)).isEqualTo(LocalDate.of(2024, 11, 14));
        LocalDate authNotAfter = auth(validity, DOB_1985, issued, false, card);
        assertThat(authNotAfter).isEqualTo(LocalDate.of(2028, 11, 14));
        assertThat(sign(DOB_1985, issued, false, card, authNotAfter)).isEqualTo(LocalDate.of(2028, 11, 14));
    }

    @Test
    @DisplayName("C.4 example 2: issued on the birthday 2024-04-10, it does not count → 2029-04-10 (R-VAL-1)")
    void example2() {
        assertThat(auth(validity, DOB_1990, LocalDate.of(2024, 4, 10), false, NO_CAP)).isEqualTo(LocalDate.of(2029, 4, 10));
    }

    @Test
    @DisplayName("C.4 example 3: issued the day before the birthday 2024-04-09 → 2028-04-10, 4 years and 1 day (R-VAL-1)")
    void example3() {
        assertThat(auth(validity, DOB_1990, LocalDate.of(2024, 4, 9), false, NO_CAP)).isEqualTo(LocalDate.of(2028, 4, 10));
    }

    @Test
    @DisplayName("C.4 example 4: issued the day after the birthday 2024-04-11 → 2029-04-10 (R-VAL-1)")
    void example4() {
        assertThat(auth(validity, DOB_1990, LocalDate.of(2024, 4, 11), false, NO_CAP)).isEqualTo(LocalDate.of(2029, 4, 10));
    }

    @Test
    @DisplayName("C.4 example 5: card to 2036-11-14, certs to 2031-11-14, window 2031-08-15, renewed 2031-09-20 → 2036-11-14 (R-VAL-4, R-VAL-6, R-REN-1)")
    void example5() {
        LocalDate cardExpiry = validity.cardExpiry(card(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)), DOB_1985);
        assertThat(cardExpiry).isEqualTo(LocalDate.of(2036, 11, 14));
        LocalDate first = auth(validity, DOB_1985, LocalDate.of(2026, 12, 1), false, cardExpiry);
        assertThat(first).isEqualTo(LocalDate.of(2031, 11, 14));
        assertThat(window.opensOn(first)).isEqualTo(LocalDate.of(2031, 8, 15));
        assertThat(window.check(first, LocalDate.of(2031, 9, 20)).isAllowed()).isTrue();
        assertThat(auth(validity, DOB_1985, LocalDate.of(2031, 9, 20), true, cardExpiry)).isEqualTo(LocalDate.of(2036, 11, 14));
    }

    @Test
    @DisplayName("C.4 example 6: not renewed, expired 2031-11-14, new issue 2031-12-01 with k = 5 → 2036-11-14 (R-VAL-4, R-REN-3)")
    void example6() {
        assertThat(auth(validity, DOB_1985, LocalDate.of(2031, 12, 1), false, LocalDate.of(2036, 11, 14)))
                .isEqualTo(LocalDate.of(2036, 11, 14));
    }

    @Test
    @DisplayName("C.4 example 7: renewal on 2028-09-01 (window opened 2028-08-15), 6th birthday 2033 capped by the card → 2031-11-14 (R-VAL-2, R-VAL-4)")
    void example7() {
        LocalDate current = LocalDate.of(2028, 11, 14);
        assertThat(window.opensOn(current)).isEqualTo(LocalDate.of(2028, 8, 15));
        assertThat(window.check(current, LocalDate.of(2028, 9, 1)).isAllowed()).isTrue();
        assertThat(auth(validity, DOB_1985, LocalDate.of(2028, 9, 1), true, NO_CAP)).isEqualTo(LocalDate.of(2033, 11, 14));
        assertThat(auth(validity, DOB_1985, LocalDate.of(2028, 9, 1), true, LocalDate.of(2031, 11, 14)))
                .isEqualTo(LocalDate.of(2031, 11, 14));
    }

    @Test
    @DisplayName("C.4 example 8: SIGN re-issued 2026-05-01 after a move, 5th birthday 2030-11-14 capped by AUTH → 2028-11-14 (R-VAL-3, R-REV-5)")
    void example8() {
        LocalDate issued = LocalDate.of(2026, 5, 1);
        assertThat(sign(DOB_1985, issued, false, LocalDate.of(2031, 11, 14), null)).isEqualTo(LocalDate.of(2030, 11, 14));
        assertThat(sign(DOB_1985, issued, false, LocalDate.of(2031, 11, 14), LocalDate.of(2028, 11, 14)))
                .isEqualTo(LocalDate.of(2028, 11, 14));
    }

    @Test
    @DisplayName("C.4 example 9: card applied for at 11, issued 2024-06-10 → 2028-07-20; AUTH 2024-06-20 → 2028-07-20 (R-VAL-2, R-VAL-6)")
    void example9() {
        LocalDate cardExpiry = validity.cardExpiry(card(LocalDate.of(2024, 4, 15), LocalDate.of(2024, 6, 10)), DOB_2012);
        assertThat(cardExpiry).isEqualTo(LocalDate.of(2028, 7, 20));
        assertThat(auth(validity, DOB_2012, LocalDate.of(2024, 6, 20), false, cardExpiry)).isEqualTo(LocalDate.of(2028, 7, 20));
    }

    @Test
    @DisplayName("C.4 example 10: 15 on 2027-07-20, SIGN issued 2027-08-01, 2032-07-20 capped by AUTH and card → 2028-07-20 (R-ELG-2, R-VAL-3)")
    void example10() {
        LocalDate issued = LocalDate.of(2027, 8, 1);
        HolderFacts holder = new HolderFacts("r-c4", "131016",
                new BasicFourItems("name", "address", DOB_2012, Sex.FEMALE), false);
        CardInfo card = card(LocalDate.of(2024, 4, 15), LocalDate.of(2024, 6, 10));
        assertThat(new EligibilityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY).checkIssuance(Set.of(CertificateKind.SIGN), holder,
                card, LocalDate.of(2028, 7, 20), ApplicantType.RESIDENT, null, issued).isAllowed()).isTrue();
        assertThat(sign(DOB_2012, issued, false, NO_CAP, null)).isEqualTo(LocalDate.of(2032, 7, 20));
        assertThat(sign(DOB_2012, issued, false, LocalDate.of(2028, 7, 20), LocalDate.of(2028, 7, 20)))
                .isEqualTo(LocalDate.of(2028, 7, 20));
    }

    @Test
    @DisplayName("C.4 example 11: age 19, received 2022-03-31 → card to 2027-01-05; received 2022-04-01 → 2032-01-05 (R-VAL-6)")
    void example11() {
        LocalDate dob = LocalDate.of(2003, 1, 5);
        LocalDate issued = LocalDate.of(2022, 4, 20);
        assertThat(validity.cardExpiry(card(LocalDate.of(2022, 3, 31), issued), dob)).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(validity.cardExpiry(card(LocalDate.of(2022, 4, 1), issued), dob)).isEqualTo(LocalDate.of(2032, 1, 5));
    }

    @Test
    @DisplayName("C.4 example 12: born 2000-02-29, issued 2024-03-01 → 2029-02-28 (last day of Feb) or 2029-03-01 (1 March) (R-VAL-5)")
    void example12() {
        LocalDate issued = LocalDate.of(2024, 3, 1);
        assertThat(auth(validity, LEAP_DOB, issued, false, NO_CAP)).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(auth(validityMarchFirst, LEAP_DOB, issued, false, NO_CAP)).isEqualTo(LocalDate.of(2029, 3, 1));
    }

    @Test
    @DisplayName("C.4 example 13: born 2000-02-29, issued 2025-02-28 → 2030-02-28 (last day of Feb) or 2029-03-01 (1 March), a year apart (R-VAL-1, R-VAL-5)")
    void example13() {
        LocalDate issued = LocalDate.of(2025, 2, 28);
        assertThat(auth(validity, LEAP_DOB, issued, false, NO_CAP)).isEqualTo(LocalDate.of(2030, 2, 28));
        assertThat(auth(validityMarchFirst, LEAP_DOB, issued, false, NO_CAP)).isEqualTo(LocalDate.of(2029, 3, 1));
    }

    @Test
    @DisplayName("C.4 example 14: born 2000-02-29, issued 2028-02-28 (leap year) → 2032-02-29 under both rules (R-VAL-5)")
    void example14() {
        LocalDate issued = LocalDate.of(2028, 2, 28);
        assertThat(auth(validity, LEAP_DOB, issued, false, NO_CAP)).isEqualTo(LocalDate.of(2032, 2, 29));
        assertThat(auth(validityMarchFirst, LEAP_DOB, issued, false, NO_CAP)).isEqualTo(LocalDate.of(2032, 2, 29));
    }
}
