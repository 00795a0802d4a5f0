package jp.jpki.lifecycle.card.terminal;

import javax.smartcardio.CardException;

/** Commands to the card reader itself rather than to the card (PC/SC {@code SCardControl}). */
@FunctionalInterface
public interface ReaderControl {
    byte[] control(int controlCode, byte[] command) throws CardException;
}
