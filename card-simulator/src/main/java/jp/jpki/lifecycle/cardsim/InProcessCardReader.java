package jp.jpki.lifecycle.cardsim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import jp.jpki.lifecycle.card.terminal.CardReader;

/**
 * The embedded default's reader: APDU bytes go straight to a virtual card in this JVM, through the same
 * protocol code a PC/SC reader gets. The card asked for is the one "inserted". One connection per card at a
 * time, as a reader held exclusively gives.
 */
public final class InProcessCardReader implements CardReader {

    private final VirtualCards cards;
    private final Map<String, Semaphore> inUse = new ConcurrentHashMap<>();

    public InProcessCardReader(VirtualCards cards) {
        this.cards = cards;
    }

    @Override
    public CardConnection connect(String cardId) throws CardException {
        VirtualJpkiCard card = cards.card(cardId);
        Semaphore exclusive = inUse.computeIfAbsent(cardId, id -> new Semaphore(1));
        try {
            if (!exclusive.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new CardException("card " + cardId + " is busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted while waiting for card " + cardId);
        }
        return new CardConnection() {
            @Override
            public ResponseAPDU transmit(CommandAPDU command) {
                return new ResponseAPDU(card.process(command.getBytes()));
            }

            @Override
            public void close() {
                card.reset();
                exclusive.release();
            }
        };
    }
}
