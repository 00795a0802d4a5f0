package jp.jpki.lifecycle.api.issuance;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give up a card-work request after its retries: certificates signed but not written are revoked. */
public record AbandonCardWork(@TargetAggregateIdentifier PairId pairId, String requestId, String reason) {
}
