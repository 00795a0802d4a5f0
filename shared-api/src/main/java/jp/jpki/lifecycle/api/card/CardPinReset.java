package jp.jpki.lifecycle.api.card;

import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * The terminal's answer to {@link ResetPinOnCard}: the PIN of this kind was reset on this card.
 *
 * @param cardId the id the card in the reader reported about itself
 */
public record CardPinReset(String cardId, CertificateKind kind) {
}
