package jp.jpki.lifecycle.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates in the domain are calendar dates in Japan time (docs/domain.md), whatever zone the server runs in. */
public final class JapanTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private JapanTime() {
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }
}
