package jp.jpki.lifecycle.api.revocation;

import java.util.Set;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke certificates of a pair for a cause (R-REV-1, R-REV-3, R-REV-5). */
public record RevokeCertificates(@TargetAggregateIdentifier PairId pairId, Set<CertificateKind> kinds,
                                 RevocationCause cause) {
}
