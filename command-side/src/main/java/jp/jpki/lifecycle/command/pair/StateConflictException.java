package jp.jpki.lifecycle.command.pair;

/**
 * The command is valid but collides with work already in flight on the pair (another card operation, a
 * stale confirmation). Reported as 409, never silently dropped.
 */
public class StateConflictException extends RuntimeException {
    public StateConflictException(String message) {
        super(message);
    }
}
