package jp.jpki.lifecycle.bench.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Moments of a JST day: counters work office hours, the system's deadlines fire at midnight. */
final class JapanDays {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private JapanDays() {
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(JST).toInstant();
    }

    static Instant midnight(LocalDate day) {
        return day.atStartOfDay(JST).toInstant();
    }
}
