package jp.jpki.lifecycle.api.issuance;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway wrote the certificates, read them back and found them identical. */
public record ConfirmCertificatesWritten(@TargetAggregateIdentifier PairId pairId, String requestId) {
}
