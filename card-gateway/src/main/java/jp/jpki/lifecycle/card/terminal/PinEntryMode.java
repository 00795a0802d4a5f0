package jp.jpki.lifecycle.card.terminal;

/** {@code jpki.terminal.pin-entry}: where residents type their PINs at this terminal. */
public enum PinEntryMode {
    /** The PC/SC reader's own PIN pad (secure PIN entry) where it can type the PIN, else the loopback keypad. */
    READER_PINPAD,
    /** A keypad page served on the terminal host's loopback interface only; the production default. */
    LOOPBACK_KEYPAD,
    /** The card simulator's demo pad with published PINs: allowed only under the demo profile. */
    DEMO
}
