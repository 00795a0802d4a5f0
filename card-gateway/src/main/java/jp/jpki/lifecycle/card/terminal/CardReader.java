package jp.jpki.lifecycle.card.terminal;

import javax.smartcardio.CardException;

/** The card reader of a counter terminal: a PC/SC reader, or the virtual card in this JVM. */
public interface CardReader {

    /**
     * Connects to the card with this id in the reader. A PC/SC reader connects to whatever card is inserted;
     * the caller checks the id the card reports.
     */
    CardConnection connect(String cardId) throws CardException;
}
