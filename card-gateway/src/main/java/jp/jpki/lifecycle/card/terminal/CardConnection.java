package jp.jpki.lifecycle.card.terminal;

import jp.jpki.lifecycle.card.jpki.ApduTransport;

/** An open connection to one card; closing it resets the card, so no PIN stays verified for the next user. */
public interface CardConnection extends ApduTransport, AutoCloseable {
    @Override
    void close();
}
