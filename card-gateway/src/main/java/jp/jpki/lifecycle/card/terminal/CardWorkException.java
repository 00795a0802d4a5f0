package jp.jpki.lifecycle.card.terminal;

/** Card work at this terminal could not be done; the message names the step and the card's answer, no PIN. */
public class CardWorkException extends RuntimeException {
    public CardWorkException(String message, Throwable cause) {
        super(message, cause);
    }

    public CardWorkException(String message) {
        super(message);
    }
}
