package jp.jpki.lifecycle.api.pki;

import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * Asks the CA of one kind to certify a delegated OCSP responder key (RFC 6960 section 4.2.2.2): the responder
 * signs answers with its own short-lived key, so the CA key signs once a day, not once per request.
 * Answered with a {@link ResponderCertificate}.
 */
public record CertifyOcspResponder(CertificateKind kind, String publicKeyDerBase64) {
}
