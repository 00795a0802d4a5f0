package jp.jpki.lifecycle.api.pki;

import java.time.Instant;

/** A CRL as signed by the CA, DER in base64, with its number and next update. */
public record SignedCrl(String derBase64, long crlNumber, Instant nextUpdate) {
}
