package jp.jpki.lifecycle.api.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;

/** A certificate the CA signed that is not on the card yet: not valid, not the slot's current certificate. */
public record SignedCertificate(String serialHex, Instant notBefore, LocalDate notAfter) {

    static SignedCertificate of(IssuedCertificate certificate) {
        return new SignedCertificate(certificate.serialHex(), certificate.notBefore(), certificate.notAfter());
    }
}
