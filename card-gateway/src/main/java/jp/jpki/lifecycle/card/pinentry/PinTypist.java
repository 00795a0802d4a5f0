package jp.jpki.lifecycle.card.pinentry;

/**
 * Who typed a PIN on the keypad. The clerk types only in the proxy case, from the sealed PIN form the resident
 * filled in; the entry is labelled so, on the page and in the terminal's log (never the PIN itself).
 */
public enum PinTypist {
    RESIDENT("the resident"),
    CLERK_FROM_SEALED_FORM("the clerk, from the resident's sealed PIN form (proxy application)");

    private final String label;

    PinTypist(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static PinTypist fromForm(String value) {
        return "clerk-sealed-form".equals(value) ? CLERK_FROM_SEALED_FORM : RESIDENT;
    }
}
