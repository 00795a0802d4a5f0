package jp.jpki.lifecycle.api.pin;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The card confirmed the reset (counter cleared, new PIN set on the card). */
public record ConfirmPinReset(@TargetAggregateIdentifier PairId pairId, String requestId) {
}
