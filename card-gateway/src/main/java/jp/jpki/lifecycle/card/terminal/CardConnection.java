package jp.jpki.lifecycle.card.terminal;

import java.util.Optional;
import jp.jpki.lifecycle.card.jpki.ApduTransport;

/** An open connection to one card; closing it resets the card, so no PIN stays verified for the next user. */
public interface CardConnection extends ApduTransport, AutoCloseable {

    /** The reader's control interface, where the reader has one (a PIN pad is found through it). */
    default Optional<ReaderControl> readerControl() {
        return Optional.empty();
    }

    @Override
    void close();
}
