package jp.jpki.lifecycle.command.policy.validity;

import java.time.LocalDate;
import java.time.MonthDay;

/** Birthday arithmetic of the validity rules. */
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

    /** Whole years of age on {@code on} (the age rises on the birthday itself, research B.2 default). */
    public static int ageOn(LocalDate dateOfBirth, LocalDate on) {
        return java.time.Period.between(dateOfBirth, on).getYears();
    }
}
