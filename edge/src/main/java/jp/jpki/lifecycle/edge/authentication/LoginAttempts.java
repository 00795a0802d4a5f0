package jp.jpki.lifecycle.edge.authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Consecutive wrong passwords per account name. After {@code maxFailures} in a row the account is locked for
 * {@code lockDuration}: during the lock not even the right password opens it, so guessing costs the attacker
 * the lock's length every few tries. A success clears the count. The names tracked are bounded (least recently
 * failed dropped first), so made-up names cannot fill the memory.
 */
public final class LoginAttempts {

    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private final Map<String, Failures> byName;

    public LoginAttempts(Clock clock, int maxFailures, Duration lockDuration, int maxTracked) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("an account locks after at least one failure");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.byName = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /** The end of the lock, if the account is locked now. */
    public synchronized Optional<Instant> lockedUntil(String name) {
        Failures failures = byName.get(name);
        if (failures == null || failures.lockedUntil == null) {
            return Optional.empty();
        }
        if (clock.instant().isBefore(failures.lockedUntil)) {
            return Optional.of(failures.lockedUntil);
        }
        byName.remove(name); // the lock is over: the next wrong password starts a new count
        return Optional.empty();
    }

    /** Counts a wrong password; answers how many there have been in a row. */
    public synchronized int failed(String name) {
        Failures failures = byName.computeIfAbsent(name, n -> new Failures());
        failures.count++;
        if (failures.count >= maxFailures) {
            failures.lockedUntil = clock.instant().plus(lockDuration);
        }
        return failures.count;
    }

    public synchronized void succeeded(String name) {
        byName.remove(name);
    }

    private static final class Failures {
        private int count;
        private Instant lockedUntil;
    }
}
