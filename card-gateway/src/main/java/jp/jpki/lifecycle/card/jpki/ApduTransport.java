package jp.jpki.lifecycle.card.jpki;

import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * Where APDUs go: a PC/SC card channel, or the virtual card in this JVM. The protocol code is the same for
 * both, so the embedded default exercises exactly what a counter terminal sends to a real reader.
 */
@FunctionalInterface
public interface ApduTransport {
    ResponseAPDU transmit(CommandAPDU command) throws CardException;
}
