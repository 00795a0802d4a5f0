package jp.jpki.lifecycle.command.policy.validity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validity of cards and certificates (R-VAL-1…6), including every worked example of research C.4. */
class ValidityPolicyTest {

    private final ValidityPolicy policy = new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, CertificateTerms.defaults());
    private final ValidityPolicy marchFirst = new ValidityPolicy(LeapDayPolicy.MARCH_FIRST, CertificateTerms.defaults());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static CardInfo card(String received, String issued) {
        return new CardInfo("CARD-1", d(received), d(issued), null, CardGeneration.FIRST, false);
    }

    @ParameterizedTest(name = "R-VAL-1: born {0}, issued {1} -> 1st birthday after is {2}")
    @CsvSource({"1990-04-10, 2024-04-10, 2025-04-10", "1990-04-10, 2024-04-09, 2024-04-10", "1990-04-10, 2024-04-11, 2025-04-10"})
    void r_val_1_a_birthday_on_the_issue_day_does_not_count(String born, String issued, String first) {
        assertThat(Birthdays.nthBirthdayAfter(d(born), d(issued), 1, LeapDayPolicy.LAST_DAY_OF_FEBRUARY)).isEqualTo(d(first));
    }

    @ParameterizedTest(name = "C.4 example {0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "1; basic (R-VAL-1, R-VAL-2); 1985-11-14; given 2031-11-14; 2021-06-01; 2024-03-10; false; 2028-11-14",
            "2; issued on the birthday (R-VAL-1); 1990-04-10; 2024-01-10; 2024-02-01; 2024-04-10; false; 2029-04-10",
            "3; issued the day before the birthday (R-VAL-1); 1990-04-10; 2024-01-10; 2024-02-01; 2024-04-09; false; 2028-04-10",
            "4; issued the day after the birthday (R-VAL-1); 1990-04-10; 2024-01-10; 2024-02-01; 2024-04-11; false; 2029-04-10",
            "5; renewal inside the window, 6th birthday (R-VAL-4); 1985-11-14; 2026-11-10; 2026-12-01; 2031-09-20; true; 2036-11-14",
            "6; new issue after expiry, 5th birthday (R-VAL-4, R-REN-3); 1985-11-14; 2026-11-10; 2026-12-01; 2031-12-01; false; 2036-11-14",
            "7; renewal capped by the card (R-VAL-2, R-VAL-4); 1985-11-14; given 2031-11-14; 2021-06-01; 2028-09-01; true; 2031-11-14",
            "9; under-18 card, AUTH to the card's expiry (R-VAL-2, R-VAL-6); 2012-07-20; 2024-05-01; 2024-06-10; 2024-06-20; false; 2028-07-20"})
    void c4_auth_examples(int example, String rule, String born, String received, String cardIssued, String issued,
                          boolean renewal, String expected) {
        // Examples 1 and 7 state the card's expiry as a premise; the others derive it (R-VAL-6).
        LocalDate cardExpiry = received.startsWith("given ") ? d(received.substring(6))
                : policy.cardExpiry(card(received, cardIssued), d(born));
        assertThat(policy.notAfter(CertificateKind.AUTH, d(born), d(issued), renewal, cardExpiry, null, CardGeneration.FIRST))
                .as("example %d", example).isEqualTo(d(expected));
    }

    @Test
    @DisplayName("C.4 example 1 (R-VAL-3): SIGN issued with AUTH expires with it")
    void c4_example_1_sign() {
        LocalDate cardExpiry = d("2031-11-14");
        LocalDate auth = policy.notAfter(CertificateKind.AUTH, d("1985-11-14"), d("2024-03-10"), false, cardExpiry, null, CardGeneration.FIRST);
        assertThat(policy.notAfter(CertificateKind.SIGN, d("1985-11-14"), d("2024-03-10"), false, cardExpiry, auth, CardGeneration.FIRST))
                .isEqualTo(d("2028-11-14"));
    }

    @Test
    @DisplayName("C.4 example 5 (R-VAL-6): an adult's card lasts to the 10th birthday after its issue")
    void c4_example_5_card() {
        assertThat(policy.cardExpiry(card("2026-11-10", "2026-12-01"), d("1985-11-14"))).isEqualTo(d("2036-11-14"));
    }

    @Test
    @DisplayName("C.4 example 8 (R-VAL-3, R-REV-5): SIGN re-issued after a move is capped by the active AUTH")
    void c4_example_8_sign_capped_by_auth() {
        LocalDate cardExpiry = d("2031-11-14");
        assertThat(policy.notAfter(CertificateKind.SIGN, d("1985-11-14"), d("2026-05-01"), false, cardExpiry, d("2028-11-14"),
                CardGeneration.FIRST)).isEqualTo(d("2028-11-14"));
    }

    @Test
    @DisplayName("C.4 example 10 (R-VAL-3, R-ELG-2): SIGN at 15 capped by AUTH and by the under-18 card")
    void c4_example_10_double_cap() {
        LocalDate cardExpiry = policy.cardExpiry(card("2024-05-01", "2024-06-10"), d("2012-07-20"));
        assertThat(cardExpiry).isEqualTo(d("2028-07-20"));
        assertThat(policy.notAfter(CertificateKind.SIGN, d("2012-07-20"), d("2027-08-01"), false, cardExpiry, d("2028-07-20"),
                CardGeneration.FIRST)).isEqualTo(d("2028-07-20"));
    }

    @Test
    @DisplayName("C.4 example 11 (R-VAL-6): the 2022-04-01 change of the adult age from 20 to 18, by J-LIS receipt date")
    void c4_example_11_adult_age_change() {
        assertThat(policy.cardExpiry(card("2022-03-31", "2022-04-20"), d("2003-01-05"))).isEqualTo(d("2027-01-05"));
        assertThat(policy.cardExpiry(card("2022-04-01", "2022-04-20"), d("2003-01-05"))).isEqualTo(d("2032-01-05"));
    }

    @Test
    @DisplayName("C.4 example 12 (R-VAL-5): a 29 February birthday in a common year, under both leap-day policies")
    void c4_example_12_leap_day() {
        LocalDate cardExpiry = d("2040-01-01");
        assertThat(policy.notAfter(CertificateKind.AUTH, d("2000-02-29"), d("2024-03-01"), false, cardExpiry, null, CardGeneration.FIRST))
                .isEqualTo(d("2029-02-28"));
        assertThat(marchFirst.notAfter(CertificateKind.AUTH, d("2000-02-29"), d("2024-03-01"), false, cardExpiry, null, CardGeneration.FIRST))
                .isEqualTo(d("2029-03-01"));
    }

    @Test
    @DisplayName("C.4 example 13 (R-VAL-1, R-VAL-5): issued on 28 February, the leap-day policy moves expiry by a year")
    void c4_example_13_leap_day_policy_matters() {
        LocalDate cardExpiry = d("2040-01-01");
        assertThat(policy.notAfter(CertificateKind.AUTH, d("2000-02-29"), d("2025-02-28"), false, cardExpiry, null, CardGeneration.FIRST))
                .isEqualTo(d("2030-02-28"));
        assertThat(marchFirst.notAfter(CertificateKind.AUTH, d("2000-02-29"), d("2025-02-28"), false, cardExpiry, null, CardGeneration.FIRST))
                .isEqualTo(d("2029-03-01"));
    }

    @Test
    @DisplayName("C.4 example 14 (R-VAL-5): in a leap year both policies give 29 February")
    void c4_example_14_leap_year() {
        LocalDate cardExpiry = d("2040-01-01");
        for (ValidityPolicy either : List.of(policy, marchFirst)) {
            assertThat(either.notAfter(CertificateKind.AUTH, d("2000-02-29"), d("2028-02-28"), false, cardExpiry, null, CardGeneration.FIRST))
                    .isEqualTo(d("2032-02-29"));
        }
    }

    @Test
    @DisplayName("R-VAL-3: without an active AUTH, SIGN runs to its own birthday or the card")
    void r_val_3_sign_alone() {
        assertThat(policy.notAfter(CertificateKind.SIGN, d("1985-11-14"), d("2024-03-10"), false, d("2031-11-14"), null, CardGeneration.FIRST))
                .isEqualTo(d("2028-11-14"));
    }

    @Test
    @DisplayName("R-VAL-6: a fixed period of stay caps the card")
    void r_val_6_period_of_stay() {
        CardInfo foreign = new CardInfo("CARD-2", d("2024-01-10"), d("2024-02-01"), d("2026-09-30"), CardGeneration.FIRST, false);
        assertThat(policy.cardExpiry(foreign, d("1990-01-01"))).isEqualTo(d("2026-09-30"));
    }

    @Test
    @DisplayName("R-VAL-6: terms are versioned by card generation and effective date, not hard-coded")
    void r_val_6_versioned_terms() {
        CertificateTerms withNextGeneration = new CertificateTerms(List.of(
                new CertificateTerms.Term(CardGeneration.FIRST, d("2016-01-01"), 5, 6),
                new CertificateTerms.Term(CardGeneration.NEXT, d("2028-01-01"), 10, 11)), CertificateTerms.defaults().cardTerms());
        ValidityPolicy next = new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, withNextGeneration);
        assertThat(next.notAfter(CertificateKind.AUTH, d("1985-11-14"), d("2028-03-01"), false, d("2045-01-01"), null, CardGeneration.NEXT))
                .isEqualTo(d("2037-11-14"));
        assertThat(next.notAfter(CertificateKind.AUTH, d("1985-11-14"), d("2028-03-01"), false, d("2045-01-01"), null, CardGeneration.FIRST))
                .isEqualTo(d("2032-11-14"));
    }
}
