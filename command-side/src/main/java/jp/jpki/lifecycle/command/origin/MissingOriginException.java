package jp.jpki.lifecycle.command.origin;

/** A command came without an authenticated caller or an entitled system origin (R-ORG-1); nothing changed. */
public class MissingOriginException extends RuntimeException {
    public MissingOriginException(String message) {
        super(message);
    }
}
