package jp.jpki.lifecycle.command.policy.validity;

import java.time.LocalDate;
import java.time.MonthDay;

/** Where a 29 February birthday falls in a common year (R-VAL-5; the sources leave it open). */
public enum LeapDayPolicy {
    /** 民法143条2項: a period ends on the month's last day when the day does not exist. The default. */
    LAST_DAY_OF_FEBRUARY,
    MARCH_FIRST;

    LocalDate birthdayIn(int year, MonthDay birthday) {
        if (birthday.equals(MonthDay.of(2, 29)) && !java.time.Year.isLeap(year)) {
            return this == LAST_DAY_OF_FEBRUARY ? LocalDate.of(year, 2, 28) : LocalDate.of(year, 3, 1);
        }
        return birthday.atYear(year);
    }
}
