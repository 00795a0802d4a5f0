package jp.jpki.lifecycle.command.policy.validity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BirthdaysTest {

    private static final LocalDate DOB = LocalDate.of(1990, 4, 10);
    private static final LocalDate LEAP_DOB = LocalDate.of(2000, 2, 29);

    @Test
    @DisplayName("R-VAL-1: a birthday on the issue day does not count")
    void birthdayOnIssueDayDoesNotCount() {
        assertThat(Birthdays.nthBirthdayAfter(DOB, LocalDate.of(2024, 4, 10), 1, LeapDayPolicy.LAST_DAY_OF_FEBRUARY))
                .isEqualTo(LocalDate.of(2025, 4, 10));
    }

    @Test
    @DisplayName("R-VAL-1: the birthday the day after the issue day is the first one")
    void birthdayTheDayAfterIsTheFirst() {
        assertThat(Birthdays.nthBirthdayAfter(DOB, LocalDate.of(2024, 4, 9), 1, LeapDayPolicy.LAST_DAY_OF_FEBRUARY))
                .isEqualTo(LocalDate.of(2024, 4, 10));
    }

    @Test
    @DisplayName("R-VAL-1: the n-th birthday counts on from the first one after the issue date")
    void nthCountsOnFromTheFirst() {
        assertThat(Birthdays.nthBirthdayAfter(DOB, LocalDate.of(2024, 4, 11), 5, LeapDayPolicy.LAST_DAY_OF_FEBRUARY))
                .isEqualTo(LocalDate.of(2029, 4, 10));
        assertThat(Birthdays.nthBirthdayAfter(DOB, LocalDate.of(2024, 12, 31), 1, LeapDayPolicy.LAST_DAY_OF_FEBRUARY))
                .isEqualTo(LocalDate.of(2025, 4, 10));
    }

    @Test
    @DisplayName("R-VAL-1: n must be at least 1")
    void nMustBePositive() {
        assertThatThrownBy(() -> Birthdays.nthBirthdayAfter(DOB, LocalDate.of(2024, 1, 1), 0, LeapDayPolicy.MARCH_FIRST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-VAL-5: a 29 February birthday falls on 28 February in common years under LAST_DAY_OF_FEBRUARY")
    void leapDayLastDayOfFebruary() {
        assertThat(Birthdays.nthBirthdayAfter(LEAP_DOB, LocalDate.of(2024, 3, 1), 1, LeapDayPolicy.LAST_DAY_OF_FEBRUARY))
                .isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    @DisplayName("R-VAL-5: a 29 February birthday falls on 1 March in common years under MARCH_FIRST")
    void leapDayMarchFirst() {
        assertThat(Birthdays.nthBirthdayAfter(LEAP_DOB, LocalDate.of(2024, 3, 1), 1, LeapDayPolicy.MARCH_FIRST))
                .isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    @DisplayName("R-VAL-5 + R-VAL-1: under MARCH_FIRST a 1 March issue day is the birthday and does not count")
    void marchFirstIssueDayIsTheBirthday() {
        assertThat(Birthdays.nthBirthdayAfter(LEAP_DOB, LocalDate.of(2027, 3, 1), 1, LeapDayPolicy.MARCH_FIRST))
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @ParameterizedTest(name = "R-VAL-5: in a leap year the birthday is 29 February under {0}")
    @EnumSource(LeapDayPolicy.class)
    void leapYearKeepsTheTwentyNinth(LeapDayPolicy leap) {
        assertThat(Birthdays.nthBirthdayAfter(LEAP_DOB, LocalDate.of(2027, 3, 2), 1, leap)).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    @DisplayName("R-VAL-5: other birthdays are not touched by the leap-day policy")
    void otherBirthdaysUntouched() {
        LocalDate dob = LocalDate.of(2000, 2, 28);
        for (LeapDayPolicy leap : LeapDayPolicy.values()) {
            assertThat(Birthdays.nthBirthdayAfter(dob, LocalDate.of(2024, 3, 1), 1, leap)).isEqualTo(LocalDate.of(2025, 2, 28));
        }
    }

    @Test
    @DisplayName("R-VAL-6: age rises on the birthday itself")
    void ageRisesOnTheBirthday() {
        assertThat(Birthdays.ageOn(DOB, LocalDate.of(2008, 4, 9), LeapDayPolicy.LAST_DAY_OF_FEBRUARY)).isEqualTo(17);
        assertThat(Birthdays.ageOn(DOB, LocalDate.of(2008, 4, 10), LeapDayPolicy.LAST_DAY_OF_FEBRUARY)).isEqualTo(18);
        assertThat(Birthdays.ageOn(DOB, DOB, LeapDayPolicy.LAST_DAY_OF_FEBRUARY)).isZero();
    }

    @Test
    @DisplayName("R-VAL-5 + R-VAL-6: a 29 February child's age rises on the birthday the leap-day policy names")
    void leapDayAgeFollowsThePolicy() {
        LocalDate dob = LocalDate.of(2008, 2, 29);
        assertThat(Birthdays.ageOn(dob, LocalDate.of(2026, 2, 28), LeapDayPolicy.LAST_DAY_OF_FEBRUARY)).isEqualTo(18);
        assertThat(Birthdays.ageOn(dob, LocalDate.of(2026, 2, 28), LeapDayPolicy.MARCH_FIRST)).isEqualTo(17);
        assertThat(Birthdays.ageOn(dob, LocalDate.of(2026, 3, 1), LeapDayPolicy.MARCH_FIRST)).isEqualTo(18);
    }

    @ParameterizedTest(name = "R-ELG-2 + R-VAL-5: the 15th birthday of a 29 February child under {0}")
    @EnumSource(LeapDayPolicy.class)
    void fifteenthBirthday(LeapDayPolicy leap) {
        assertThat(Birthdays.nthBirthday(LocalDate.of(2012, 2, 29), 15, leap))
                .isEqualTo(leap == LeapDayPolicy.LAST_DAY_OF_FEBRUARY ? LocalDate.of(2027, 2, 28) : LocalDate.of(2027, 3, 1));
    }
}
