package jp.jpki.lifecycle.api.pair;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One certificate the CA signed.
 *
 * @param serialHex   the serial number in hexadecimal
 * @param notBefore   start of validity
 * @param notAfter    last day of validity (ends 23:59:59 JST that day)
 * @param derBase64   the DER encoding, Base64; the card-work saga writes exactly these bytes
 */
public record IssuedCertificate(CertificateKind kind, String serialHex, Instant notBefore, LocalDate notAfter,
                                String derBase64) {
    @Override
    public String toString() {
        return "IssuedCertificate[" + kind + " serial=" + serialHex + " notAfter=" + notAfter + "]";
    }
}
