package jp.jpki.lifecycle.command.policy.validity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidityPolicyTest {

    private static final LocalDate DOB = LocalDate.of(1985, 11, 14);
    private static final LocalDate FAR = LocalDate.of(2099, 1, 1);
    private final ValidityPolicy policy = new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, CertificateTerms.defaults());

    private LocalDate notAfter(CertificateKind kind, LocalDate issuedOn, boolean renewal, LocalDate cardExpiry, LocalDate auth) {
        return policy.notAfter(kind, DOB, issuedOn, renewal, cardExpiry, auth, CardGeneration.FIRST);
    }

    private static CardInfo card(LocalDate receivedOn, LocalDate issuedOn, LocalDate periodOfStayEnd) {
        return new CardInfo("card-1", receivedOn, issuedOn, periodOfStayEnd, CardGeneration.FIRST, false);
    }

    @Nested
    class Certificates {

        @Test
        @DisplayName("R-VAL-2: AUTH lasts to the 5th birthday after issue when the card outlives it")
        void authByBirthday() {
            assertThat(notAfter(CertificateKind.AUTH, LocalDate.of(2024, 3, 10), false, FAR, null))
                    .isEqualTo(LocalDate.of(2028, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-2: AUTH is capped by the card expiry")
        void authCappedByCard() {
            assertThat(notAfter(CertificateKind.AUTH, LocalDate.of(2024, 3, 10), false, LocalDate.of(2027, 6, 30), null))
                    .isEqualTo(LocalDate.of(2027, 6, 30));
        }

        @Test
        @DisplayName("R-VAL-2: AUTH is never capped by a SIGN or by anything but the card")
        void authIgnoresTheAuthCap() {
            assertThat(notAfter(CertificateKind.AUTH, LocalDate.of(2024, 3, 10), false, FAR, LocalDate.of(2025, 1, 1)))
                    .isEqualTo(LocalDate.of(2028, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-3: SIGN never outlives an active AUTH")
        void signCappedByAuth() {
            assertThat(notAfter(CertificateKind.SIGN, LocalDate.of(2026, 5, 1), false, FAR, LocalDate.of(2028, 11, 14)))
                    .isEqualTo(LocalDate.of(2028, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-3: SIGN without an active AUTH runs to its own birthday")
        void signWithoutAuth() {
            assertThat(notAfter(CertificateKind.SIGN, LocalDate.of(2026, 5, 1), false, FAR, null))
                    .isEqualTo(LocalDate.of(2030, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-3: SIGN is capped by the card when the card ends before the AUTH cap")
        void signCappedByCardBeforeAuth() {
            assertThat(notAfter(CertificateKind.SIGN, LocalDate.of(2026, 5, 1), false, LocalDate.of(2027, 1, 31),
                    LocalDate.of(2028, 11, 14))).isEqualTo(LocalDate.of(2027, 1, 31));
        }

        @Test
        @DisplayName("R-VAL-3: an AUTH that ends later than SIGN's own birthday does not extend SIGN")
        void laterAuthDoesNotExtendSign() {
            assertThat(notAfter(CertificateKind.SIGN, LocalDate.of(2026, 5, 1), false, FAR, LocalDate.of(2033, 11, 14)))
                    .isEqualTo(LocalDate.of(2030, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-4: k = 6 on a renewal inside the window, k = 5 otherwise")
        void renewalAddsABirthday() {
            LocalDate issued = LocalDate.of(2028, 9, 1);
            assertThat(notAfter(CertificateKind.AUTH, issued, false, FAR, null)).isEqualTo(LocalDate.of(2032, 11, 14));
            assertThat(notAfter(CertificateKind.AUTH, issued, true, FAR, null)).isEqualTo(LocalDate.of(2033, 11, 14));
            assertThat(notAfter(CertificateKind.SIGN, issued, true, FAR, null)).isEqualTo(LocalDate.of(2033, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-4 + R-VAL-2: the 6th birthday of a renewal is still capped by the card")
        void renewalCappedByCard() {
            assertThat(notAfter(CertificateKind.AUTH, LocalDate.of(2028, 9, 1), true, LocalDate.of(2031, 11, 14), null))
                    .isEqualTo(LocalDate.of(2031, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-5: the leap-day policy of the validity policy is used for 29 February holders")
        void leapDayPolicyIsUsed() {
            LocalDate dob = LocalDate.of(2000, 2, 29);
            var lastDay = new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, CertificateTerms.defaults());
            var marchFirst = new ValidityPolicy(LeapDayPolicy.MARCH_FIRST, CertificateTerms.defaults());
            assertThat(lastDay.notAfter(CertificateKind.AUTH, dob, LocalDate.of(2024, 3, 1), false, FAR, null, CardGeneration.FIRST))
                    .isEqualTo(LocalDate.of(2029, 2, 28));
            assertThat(marchFirst.notAfter(CertificateKind.AUTH, dob, LocalDate.of(2024, 3, 1), false, FAR, null, CardGeneration.FIRST))
                    .isEqualTo(LocalDate.of(2029, 3, 1));
        }
    }

    @Nested
    class Generations {

        private final CertificateTerms withNextGeneration = new CertificateTerms(List.of(
                new CertificateTerms.Term(CardGeneration.FIRST, LocalDate.of(2016, 1, 1), 5, 6),
                new CertificateTerms.Term(CardGeneration.NEXT, LocalDate.of(2028, 4, 1), 10, 11)),
                CertificateTerms.defaults().cardTerms());

        @Test
        @DisplayName("R-VAL-6: a next-generation card takes its own term (10 birthdays), versioned as data")
        void nextGenerationTerm() {
            var policy = new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, withNextGeneration);
            assertThat(policy.notAfter(CertificateKind.AUTH, DOB, LocalDate.of(2028, 5, 1), false, FAR, null, CardGeneration.NEXT))
                    .isEqualTo(LocalDate.of(2037, 11, 14));
            assertThat(policy.notAfter(CertificateKind.AUTH, DOB, LocalDate.of(2028, 5, 1), true, FAR, null, CardGeneration.NEXT))
                    .isEqualTo(LocalDate.of(2038, 11, 14));
            assertThat(policy.notAfter(CertificateKind.AUTH, DOB, LocalDate.of(2028, 5, 1), false, FAR, null, CardGeneration.FIRST))
                    .isEqualTo(LocalDate.of(2032, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-6: a term applies from its effective date, the day before keeps the old one")
        void termsAreEffectiveDated() {
            var terms = new CertificateTerms(List.of(
                    new CertificateTerms.Term(CardGeneration.FIRST, LocalDate.of(2016, 1, 1), 5, 6),
                    new CertificateTerms.Term(CardGeneration.FIRST, LocalDate.of(2030, 1, 1), 10, 11)),
                    CertificateTerms.defaults().cardTerms());
            var policy = new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, terms);
            assertThat(policy.notAfter(CertificateKind.AUTH, DOB, LocalDate.of(2029, 12, 31), false, FAR, null, CardGeneration.FIRST))
                    .isEqualTo(LocalDate.of(2034, 11, 14));
            assertThat(policy.notAfter(CertificateKind.AUTH, DOB, LocalDate.of(2030, 1, 1), false, FAR, null, CardGeneration.FIRST))
                    .isEqualTo(LocalDate.of(2039, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-6: a card generation without configured terms is refused up front, not at signing time")
        void unknownGenerationIsRefused() {
            Decision decision = policy.checkTermsFor(CardGeneration.NEXT, LocalDate.of(2028, 5, 1));
            assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class,
                    refused -> assertThat(refused.ruleId()).isEqualTo("R-VAL-6"));
            assertThat(policy.checkTermsFor(CardGeneration.FIRST, LocalDate.of(2028, 5, 1)).isAllowed()).isTrue();
        }
    }

    @Nested
    class CardExpiry {

        @Test
        @DisplayName("R-VAL-6: from 2022-04-01 an applicant of 18 or over gets a card to the 10th birthday after card issue")
        void adultCard() {
            LocalDate dob = LocalDate.of(2004, 6, 1);
            assertThat(policy.cardExpiry(card(LocalDate.of(2022, 6, 1), LocalDate.of(2022, 7, 1), null), dob))
                    .isEqualTo(LocalDate.of(2032, 6, 1));
        }

        @Test
        @DisplayName("R-VAL-6: from 2022-04-01 an applicant under 18 (the day before the 18th birthday) gets the 5th birthday")
        void minorCard() {
            LocalDate dob = LocalDate.of(2004, 6, 2);
            assertThat(policy.cardExpiry(card(LocalDate.of(2022, 6, 1), LocalDate.of(2022, 7, 1), null), dob))
                    .isEqualTo(LocalDate.of(2027, 6, 2));
        }

        @Test
        @DisplayName("R-VAL-6: before 2022-04-01 the threshold was 20")
        void thresholdTwentyBefore2022() {
            LocalDate dob = LocalDate.of(2002, 4, 1);
            assertThat(policy.cardExpiry(card(LocalDate.of(2022, 3, 31), LocalDate.of(2022, 4, 20), null), dob))
                    .isEqualTo(LocalDate.of(2027, 4, 1));
            assertThat(policy.cardExpiry(card(LocalDate.of(2022, 3, 31), LocalDate.of(2022, 4, 20), null), LocalDate.of(2002, 3, 31)))
                    .isEqualTo(LocalDate.of(2032, 3, 31));
        }

        @Test
        @DisplayName("R-VAL-6: the J-LIS receipt date decides the threshold, not the card issue date")
        void receiptDateDecides() {
            LocalDate dob = LocalDate.of(2003, 1, 5);
            assertThat(policy.cardExpiry(card(LocalDate.of(2022, 3, 31), LocalDate.of(2022, 4, 20), null), dob))
                    .isEqualTo(LocalDate.of(2027, 1, 5));
            assertThat(policy.cardExpiry(card(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 4, 20), null), dob))
                    .isEqualTo(LocalDate.of(2032, 1, 5));
        }

        @Test
        @DisplayName("R-VAL-6: a card issued on the birthday does not count that birthday")
        void cardIssuedOnBirthday() {
            assertThat(policy.cardExpiry(card(LocalDate.of(2020, 4, 1), LocalDate.of(2020, 11, 14), null), DOB))
                    .isEqualTo(LocalDate.of(2030, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-6: a foreign resident's card ends with the period of stay")
        void periodOfStayCaps() {
            assertThat(policy.cardExpiry(card(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 1), LocalDate.of(2026, 9, 30)), DOB))
                    .isEqualTo(LocalDate.of(2026, 9, 30));
        }

        @Test
        @DisplayName("R-VAL-6: a period of stay longer than the card's term does not extend the card")
        void longPeriodOfStayDoesNotExtend() {
            assertThat(policy.cardExpiry(card(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 1), LocalDate.of(2040, 1, 1)), DOB))
                    .isEqualTo(LocalDate.of(2033, 11, 14));
        }

        @Test
        @DisplayName("R-VAL-6 + R-VAL-5: a 29 February applicant is 18 on the birthday the leap-day policy names")
        void leapDayEighteenthBirthday() {
            LocalDate dob = LocalDate.of(2008, 2, 29);
            CardInfo card = card(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 20), null);
            assertThat(new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, CertificateTerms.defaults()).cardExpiry(card, dob))
                    .isEqualTo(LocalDate.of(2036, 2, 29));
            assertThat(new ValidityPolicy(LeapDayPolicy.MARCH_FIRST, CertificateTerms.defaults()).cardExpiry(card, dob))
                    .isEqualTo(LocalDate.of(2031, 3, 1));
        }
    }
}
