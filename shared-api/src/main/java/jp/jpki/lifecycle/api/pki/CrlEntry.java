package jp.jpki.lifecycle.api.pki;

import java.time.Instant;
import jp.jpki.lifecycle.api.pair.RevocationReason;

/** One revoked (or held) certificate on a CRL. */
public record CrlEntry(String serialHex, Instant revokedAt, RevocationReason reason) {
}
