package jp.jpki.lifecycle.api.card;

/**
 * Work for the card at one counter terminal. Each gateway subscribes these commands under names that
 * carry its own terminal id ({@link TerminalAddress}), so work addressed to terminal A can only ever run
 * at terminal A.
 */
public sealed interface CardWorkOrder permits GenerateKeysOnCard, WriteCertificatesToCard, ResetPinOnCard {
    String requestId();
}
