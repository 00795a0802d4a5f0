package jp.jpki.lifecycle.card.pinentry;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import javax.smartcardio.CardException;
import javax.smartcardio.ResponseAPDU;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.IssuerChannel;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.JpkiFile;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import jp.jpki.lifecycle.card.terminal.PinEntry;
import jp.jpki.lifecycle.card.terminal.ReaderControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secure PIN entry on the PC/SC reader's own PIN pad: the reader builds the VERIFY or RESET RETRY COUNTER APDU
 * from what the resident types there, so the PIN never reaches this host. A reader's pad has digits only, so
 * it takes the AUTH PIN (four digits); the SIGN PIN (letters and digits) and readers without the feature go
 * to the terminal's keypad.
 */
public final class ReaderPinPadEntry implements PinEntry {

    private static final Logger log = LoggerFactory.getLogger(ReaderPinPadEntry.class);
    /** P2 of VERIFY and RESET RETRY COUNTER: the PIN of the current EF (docs/card-protocol.md). */
    private static final int CURRENT_EF_PIN = 0x80;
    private static final int AUTH_PIN_LENGTH = 4;

    private final String terminalId;
    private final PinEntry keypad;
    private final int timeoutSeconds;

    public ReaderPinPadEntry(String terminalId, PinEntry keypad, int timeoutSeconds) {
        if (timeoutSeconds < 1 || timeoutSeconds > 255) {
            throw new IllegalArgumentException("a reader's PIN pad waits 1-255 s, not " + timeoutSeconds);
        }
        this.terminalId = terminalId;
        this.keypad = keypad;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public CardResult verify(CardConnection connection, CertificateKind kind) throws CardException {
        Optional<ReaderControl> control = connection.readerControl();
        OptionalInt feature = padFeature(control, kind, PinPadFeatures::verifyPinDirect);
        if (feature.isEmpty()) {
            return keypad.verify(connection, kind);
        }
        CardResult selected = new JpkiCard(connection).select(JpkiFile.pin(kind));
        if (!selected.isSuccess()) {
            return selected;
        }
        log.info("terminal {}: the {} PIN is typed on the reader's PIN pad", terminalId, kind);
        byte[] answer = control.orElseThrow().control(feature.getAsInt(),
                SecurePinStructures.verify(CURRENT_EF_PIN, AUTH_PIN_LENGTH, timeoutSeconds));
        return CardResult.ofVerify(response(answer));
    }

    @Override
    public void chooseNewPin(CardConnection connection, IssuerChannel issuer, CertificateKind kind) throws CardException {
        Optional<ReaderControl> control = connection.readerControl();
        OptionalInt feature = padFeature(control, kind, PinPadFeatures::modifyPinDirect);
        if (feature.isEmpty()) {
            keypad.chooseNewPin(connection, issuer, kind);
            return;
        }
        issuer.card().select(JpkiFile.pin(kind)).dataOrThrow("SELECT " + JpkiFile.pin(kind));
        log.info("terminal {}: the new {} PIN is chosen on the reader's PIN pad", terminalId, kind);
        byte[] answer = control.orElseThrow().control(feature.getAsInt(),
                SecurePinStructures.resetRetryCounter(CURRENT_EF_PIN, AUTH_PIN_LENGTH, timeoutSeconds));
        CardResult.of(response(answer)).dataOrThrow("RESET RETRY COUNTER " + kind + " on the reader's PIN pad");
    }

    private static OptionalInt padFeature(Optional<ReaderControl> control, CertificateKind kind,
                                          Function<PinPadFeatures, OptionalInt> feature) {
        if (kind != CertificateKind.AUTH || control.isEmpty()) {
            return OptionalInt.empty();
        }
        return feature.apply(PinPadFeatures.of(control.get()));
    }

    private static ResponseAPDU response(byte[] answer) throws CardException {
        if (answer == null || answer.length < 2) {
            throw new CardException("the reader answered secure PIN entry without a status word");
        }
        return new ResponseAPDU(answer);
    }
}
