package jp.jpki.lifecycle.card.pcsc;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import jp.jpki.lifecycle.card.terminal.CardReader;
import jp.jpki.lifecycle.card.terminal.ReaderControl;

/**
 * A counter terminal's PC/SC reader through {@code javax.smartcardio} (on Linux: pcscd). The card is held
 * exclusively while connected and reset on close, so nothing verified survives into the next resident's turn.
 */
public final class PcscCardReader implements CardReader {

    private final String readerName;
    private final Duration cardWait;

    public PcscCardReader(String readerName, Duration cardWait) {
        this.readerName = readerName;
        this.cardWait = cardWait;
    }

    @Override
    public CardConnection connect(String cardId) throws CardException {
        CardTerminal terminal = terminals().getTerminal(readerName);
        if (terminal == null) {
            throw new CardException("no PC/SC reader named '" + readerName + "'; readers: " + terminals().list());
        }
        if (!terminal.waitForCardPresent(cardWait.toMillis())) {
            throw new CardNotPresentException("no card in reader '" + readerName + "' within " + cardWait.toSeconds() + " s");
        }
        Card card = terminal.connect("*");
        card.beginExclusive();
        CardChannel channel = card.getBasicChannel();
        return new CardConnection() {
            @Override
            public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                return channel.transmit(command);
            }

            @Override
            public Optional<ReaderControl> readerControl() {
                return Optional.of(card::transmitControlCommand);
            }

            @Override
            public void close() {
                try {
                    card.endExclusive();
                } catch (CardException | IllegalStateException ignored) {
                    // the card may have been pulled; the disconnect below still releases the reader
                }
                try {
                    card.disconnect(true);
                } catch (CardException ignored) {
                    // nothing left to release
                }
            }
        };
    }

    /**
     * {@code getInstance("PC/SC")} rather than {@code getDefault()}: the default silently degrades to an empty
     * "None" factory when pcscd is unreachable (feasibility-pcsc.md §3.2), which would hide the real cause.
     */
    private static javax.smartcardio.CardTerminals terminals() throws CardException {
        try {
            return TerminalFactory.getInstance("PC/SC", null).terminals();
        } catch (NoSuchAlgorithmException e) {
            throw new CardException("PC/SC is not available (is pcscd running?): " + e.getCause(), e);
        }
    }
}
