package jp.jpki.lifecycle.api.card;

import java.util.Set;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/** Generate RSA-2048 key pairs on the card; the answer is {@link CardPublicKeys}. Idempotent per request. */
public record GenerateKeysOnCard(String requestId, String cardId, Set<CertificateKind> kinds) implements CardWorkOrder {
}
