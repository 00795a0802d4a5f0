package jp.jpki.lifecycle.query.revocation;

import java.time.Instant;
import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Revocation status of one certificate, keyed by kind and serial: all that a CRL entry or an OCSP answer
 * needs, and nothing about its holder.
 */
@Document("revocation_status")
class CertificateStatusDocument {

    enum Status { GOOD, ON_HOLD, REVOKED }

    @Id
    String id;
    CertificateKind kind;
    String serialHex;
    LocalDate notAfter;
    Status status = Status.GOOD;
    RevocationReason reason;
    Instant revokedAt;
    boolean expired;

    static String id(CertificateKind kind, String serialHex) {
        return kind + ":" + serialHex.toLowerCase(java.util.Locale.ROOT);
    }

    boolean onCrl() {
        return status != Status.GOOD;
    }
}
