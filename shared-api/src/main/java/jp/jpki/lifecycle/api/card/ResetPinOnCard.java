package jp.jpki.lifecycle.api.card;

import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * Clear the retry counter of one PIN; the resident types the new PIN on the terminal's PIN pad (R-PIN-5). The
 * answer is {@link CardPinReset}.
 */
public record ResetPinOnCard(String requestId, String cardId, CertificateKind kind) implements CardWorkOrder {
}
