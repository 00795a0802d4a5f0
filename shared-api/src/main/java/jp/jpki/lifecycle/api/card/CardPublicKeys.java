package jp.jpki.lifecycle.api.card;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/** Public keys generated on the card, SubjectPublicKeyInfo DER in Base64. */
public record CardPublicKeys(Map<CertificateKind, String> publicKeys) {
}
