package jp.jpki.lifecycle.api.card;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/** CA certificates (DER, Base64) per kind. */
public record CaCertificateSet(Map<CertificateKind, String> certificates) {
}
