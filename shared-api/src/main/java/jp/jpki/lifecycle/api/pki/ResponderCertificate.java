package jp.jpki.lifecycle.api.pki;

/** The responder's certificate and the CA certificate that issued it, DER in base64. */
public record ResponderCertificate(String certificateDerBase64, String caCertificateDerBase64) {
}
