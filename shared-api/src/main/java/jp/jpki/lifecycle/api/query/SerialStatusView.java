package jp.jpki.lifecycle.api.query;

import java.time.Instant;
import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.RevocationReason;

/**
 * One certificate's own status, as the revocation status service publishes it: a superseded or revoked serial reads
 * as revoked even while its pair holds a newer, active one.
 *
 * @param status           ACTIVE, ON_HOLD, REVOKED or EXPIRED
 * @param revocationReason set when revoked or on hold, else null
 * @param revokedAt        when it was revoked or put on hold, else null
 */
public record SerialStatusView(CertificateKind kind, String serialHex, CertificateStatus status,
                               RevocationReason revocationReason, Instant revokedAt, LocalDate notAfter) {
}
