package jp.jpki.lifecycle.api.revocation;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The card was revoked, returned, re-issued or expired: both certificates are revoked (R-REV-3). */
public record InvalidateCard(@TargetAggregateIdentifier PairId pairId, CardInvalidationCause cause) {
}
