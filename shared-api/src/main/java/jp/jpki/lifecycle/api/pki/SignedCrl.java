package jp.jpki.lifecycle.api.pki;

/** A CRL as signed by the CA, DER in base64. */
public record SignedCrl(String derBase64) {
}
