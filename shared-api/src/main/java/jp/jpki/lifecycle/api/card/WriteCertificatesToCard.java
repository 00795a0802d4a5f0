package jp.jpki.lifecycle.api.card;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * Write certificates (DER, Base64) and the CA certificates to their EFs, read them back and compare.
 * Idempotent: writing identical bytes again is a no-op on the card.
 */
public record WriteCertificatesToCard(String requestId, String cardId, Map<CertificateKind, String> certificates,
                                      Map<CertificateKind, String> caCertificates) implements CardWorkOrder {
}
