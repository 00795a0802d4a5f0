package jp.jpki.lifecycle.card.terminal;

import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.Pin;

/**
 * The terminal's PIN pad. PINs are typed here and go only to the card (R-PIN-5): no PIN is ever part of a
 * command, an event, a log line or a database row. The caller closes the returned {@link Pin} after use.
 */
public interface PinPad {

    /** The resident types the PIN they know. */
    Pin enterPin(CertificateKind kind);

    /** The resident chooses a new PIN; implementations check R-PIN-1 with {@link Pin#chosen}. */
    Pin chooseNewPin(CertificateKind kind);
}
