package jp.jpki.lifecycle.card.jpki;

/** The card answered a command with a refusal where the caller needed success. Carries no PIN or personal data. */
public class CardRefusedException extends RuntimeException {

    private final transient CardResult result;

    public CardRefusedException(String operation, CardResult result) {
        super(operation + " refused by the card: " + result);
        this.result = result;
    }

    public CardResult result() {
        return result;
    }
}
