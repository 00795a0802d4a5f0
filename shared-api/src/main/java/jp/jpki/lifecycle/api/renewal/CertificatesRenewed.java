package jp.jpki.lifecycle.api.renewal;

import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/**
 * The CA signed the renewed certificates (k = 6). The replaced ones are revoked as superseded once the
 * new ones are on the card (R-REN-2).
 *
 * @param replacedSerials serial (hex) of the certificate each new one replaces
 */
@Revision("1")
public record CertificatesRenewed(PairId pairId, String requestId, List<IssuedCertificate> certificates,
                                  Map<CertificateKind, String> replacedSerials, int feeYen) {
}
