package jp.jpki.lifecycle.api.revocation;

import java.time.Instant;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import org.axonframework.serialization.Revision;

/** One certificate was revoked; final (R-REV-5). Published on the CRL and by OCSP (R-REV-6). */
@Revision("1")
public record CertificateRevoked(PairId pairId, CertificateKind kind, String serialHex, RevocationReason reason,
                                 Instant revokedAt) {
}
