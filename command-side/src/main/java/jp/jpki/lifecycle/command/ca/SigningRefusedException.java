package jp.jpki.lifecycle.command.ca;

/** The CA refuses to sign what its own state does not back; nothing was signed. */
public class SigningRefusedException extends RuntimeException {
    public SigningRefusedException(String message) {
        super(message);
    }
}
