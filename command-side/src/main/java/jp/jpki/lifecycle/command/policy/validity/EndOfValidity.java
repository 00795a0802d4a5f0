package jp.jpki.lifecycle.command.policy.validity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A validity "until D" ends at D 23:59:59 JST (docs/domain.md terms; 14:59:59Z). */
public final class EndOfValidity {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private EndOfValidity() {
    }

    /** The last second of the notAfter day, as written in a certificate. */
    public static Instant lastSecond(LocalDate notAfter) {
        return notAfter.plusDays(1).atStartOfDay(JST).toInstant().minusSeconds(1);
    }

    /** The instant the certificate has expired (R-VAL-7): the start of the next JST day. */
    public static Instant expiredAt(LocalDate notAfter) {
        return notAfter.plusDays(1).atStartOfDay(JST).toInstant();
    }
}
