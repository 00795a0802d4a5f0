package jp.jpki.lifecycle.api.card;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * Write certificates (DER, Base64) and the CA certificates to their EFs, read them back and compare. The terminal
 * first checks that each certificate's public key is the key the card holds for its kind and refuses the whole
 * order otherwise (R-CRD-5). Idempotent: writing identical bytes again is a no-op on the card. The answer is
 * {@link CertificatesOnCard}.
 */
public record WriteCertificatesToCard(String requestId, String cardId, Map<CertificateKind, String> certificates,
                                      Map<CertificateKind, String> caCertificates) implements CardWorkOrder {
}
