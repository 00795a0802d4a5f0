package jp.jpki.lifecycle.bench.history;

import java.time.Instant;
import java.time.LocalDate;
import jp.jpki.lifecycle.api.time.JapanTime;

/** Moments of a JST day: counters work office hours, the system's deadlines fire at midnight. */
final class JapanDays {

    private JapanDays() {
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(JapanTime.ZONE).toInstant();
    }

    static Instant midnight(LocalDate day) {
        return day.atStartOfDay(JapanTime.ZONE).toInstant();
    }
}
