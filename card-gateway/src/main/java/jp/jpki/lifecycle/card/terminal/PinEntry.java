package jp.jpki.lifecycle.card.terminal;

import javax.smartcardio.CardException;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.IssuerChannel;

/**
 * How a PIN gets from the resident to the card at this terminal: typed on the reader's own PIN pad, so it never
 * reaches the host, or on a keypad the terminal alone reads, which passes it to the card. Either way it is in
 * no command, event, log line or database (R-PIN-5), and it is typed by a person, never taken from configuration.
 */
public interface PinEntry {

    /** The resident types the PIN they know; the card's answer to VERIFY on the kind's PIN. */
    CardResult verify(CardConnection connection, CertificateKind kind) throws CardException;

    /** The resident chooses a new PIN, which the card takes with RESET RETRY COUNTER in the open issuer session. */
    void chooseNewPin(CardConnection connection, IssuerChannel issuer, CertificateKind kind) throws CardException;
}
