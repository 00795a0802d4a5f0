package jp.jpki.lifecycle.api.card;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * Public keys generated on the card, SubjectPublicKeyInfo DER in Base64.
 *
 * @param cardId the id the card in the reader reported about itself when the keys were generated
 */
public record CardPublicKeys(String cardId, Map<CertificateKind, String> publicKeys) {
}
