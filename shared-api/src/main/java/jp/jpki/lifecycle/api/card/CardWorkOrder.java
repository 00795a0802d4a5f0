package jp.jpki.lifecycle.api.card;

/**
 * Work for the card at one counter terminal. Each gateway subscribes these commands under names that
 * carry its own terminal id ({@link TerminalAddress}), so work addressed to terminal A can only ever run
 * at terminal A. An order names its card as well as its request: what a terminal remembers of an order is
 * remembered for that card and that request together, never for a request id alone.
 */
public sealed interface CardWorkOrder permits GenerateKeysOnCard, WriteCertificatesToCard, ResetPinOnCard {
    String requestId();

    String cardId();
}
