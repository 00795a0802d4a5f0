package jp.jpki.lifecycle.api.revocation;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A lost card reported (typically to the call centre): both certificates go on hold (R-REV-4). */
public record ReportLoss(@TargetAggregateIdentifier PairId pairId) {
}
