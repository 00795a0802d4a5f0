package jp.jpki.lifecycle.command.pair;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.deadline.DeadlineManager;

/**
 * How long card work may stay unfinished before the pair gives it up. The card-work saga retries failed steps on
 * its own; this is the backstop for what the saga cannot see — its own start lost in a crash between storing its
 * processor's position and storing the saga (the saga and token stores share no transaction), or a terminal
 * that went away for good. Without it the pair would stay "issuing" forever; with it, anything signed is revoked
 * and the counter can start again.
 *
 * @param after longer than the saga's whole retry cycle, so it never overtakes a saga that is still trying
 */
public record CardWorkWatchdog(Duration after) {

    static final String DEADLINE = "card-work-watchdog";

    /** At an instant of the application clock: a Duration would count from Axon's own clock. */
    void watch(String requestId, Instant now, DeadlineManager deadlines) {
        deadlines.schedule(now.plus(after), DEADLINE, requestId);
    }
}
