package jp.jpki.lifecycle.api.revocation;

import java.time.Instant;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** 一時保留: the certificate is on hold (CRL reason certificateHold) and can only end revoked (R-REV-4). */
@Revision("1")
public record CertificateHeld(PairId pairId, CertificateKind kind, String serialHex, Instant heldAt) {
}
