package jp.jpki.lifecycle.api.issuance;

import java.util.List;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/**
 * The CA signed certificates for a first issue or re-issue; they are active only once written to the card.
 *
 * @param feeYen fee collected for the pair (R-PRC-7)
 */
@Revision("1")
public record CertificatesIssued(PairId pairId, String requestId, List<IssuedCertificate> certificates, int feeYen) {
}
