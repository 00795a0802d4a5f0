package jp.jpki.lifecycle.command.policy.validity;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Birthday arithmetic of the validity and eligibility rules. Every birthday goes through the one named
 * {@link LeapDayPolicy} (R-VAL-5), so a 29 February holder's certificates, card and age all agree on the day.
 */
public final class Birthdays {

    private Birthdays() {
    }

    /** R-VAL-1: the n-th birthday strictly after {@code issueDate} ("発行の日後"); one on the issue day does not count. */
    public static LocalDate nthBirthdayAfter(LocalDate dateOfBirth, LocalDate issueDate, int n, LeapDayPolicy leap) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        MonthDay birthday = MonthDay.from(dateOfBirth);
        int year = issueDate.getYear();
        LocalDate candidate = leap.birthdayIn(year, birthday);
        if (!candidate.isAfter(issueDate)) {
            year++;
        }
        return leap.birthdayIn(year + n - 1, birthday);
    }

    /** The birthday on which the holder turns {@code age} (e.g. 15 for SIGN, R-ELG-2). */
    public static LocalDate nthBirthday(LocalDate dateOfBirth, int age, LeapDayPolicy leap) {
        return leap.birthdayIn(dateOfBirth.getYear() + age, MonthDay.from(dateOfBirth));
    }

    /**
     * Whole years of age on {@code on}; the age rises on the birthday itself (the Act on Age Calculation). Not
     * {@code Period.between}: that moves a 29 February holder's age to 1 March whatever the leap-day policy says.
     */
    public static int ageOn(LocalDate dateOfBirth, LocalDate on, LeapDayPolicy leap) {
        int years = on.getYear() - dateOfBirth.getYear();
        return on.isBefore(nthBirthday(dateOfBirth, years, leap)) ? years - 1 : years;
    }
}
