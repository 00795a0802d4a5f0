package jp.jpki.lifecycle.api.expiry;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The certificate reached the end of its notAfter day; not a revocation, not on a CRL (R-VAL-7). */
@Revision("1")
public record CertificateExpired(PairId pairId, CertificateKind kind, String serialHex, LocalDate notAfter) {
}
