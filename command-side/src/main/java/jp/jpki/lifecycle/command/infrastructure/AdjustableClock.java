package jp.jpki.lifecycle.command.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock shifted by an offset that only grows. End-to-end tests and demos use it to live through
 * years of a certificate's life in seconds: rules, event timestamps and persistent deadlines all read it, so
 * moving it forward makes due deadlines fire exactly as they would on that day. Never enabled in production.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves "now" forward to the given instant; going back would let a deadline fire twice, so it is refused. */
    public void advanceTo(Instant target) {
        offset.updateAndGet(current -> {
            Duration next = Duration.between(base.instant(), target);
            if (next.compareTo(current) < 0) {
                throw new IllegalArgumentException("the clock only moves forward; " + target + " is in its past");
            }
            return next;
        });
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }
}
