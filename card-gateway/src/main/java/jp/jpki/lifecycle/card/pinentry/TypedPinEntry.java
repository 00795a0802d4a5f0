package jp.jpki.lifecycle.card.pinentry;

import javax.smartcardio.CardException;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.IssuerChannel;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import jp.jpki.lifecycle.card.terminal.PinEntry;
import jp.jpki.lifecycle.card.terminal.PinPad;

/** PINs typed on a pad the terminal reads (the loopback keypad; the demo pad), passed to the card and wiped. */
public final class TypedPinEntry implements PinEntry {

    private final PinPad pad;

    public TypedPinEntry(PinPad pad) {
        this.pad = pad;
    }

    @Override
    public CardResult verify(CardConnection connection, CertificateKind kind) throws CardException {
        try (Pin pin = pad.enterPin(kind)) {
            return new JpkiCard(connection).verify(kind, pin);
        }
    }

    @Override
    public void chooseNewPin(CardConnection connection, IssuerChannel issuer, CertificateKind kind) throws CardException {
        try (Pin pin = pad.chooseNewPin(kind)) {
            issuer.resetPin(kind, pin);
        }
    }
}
