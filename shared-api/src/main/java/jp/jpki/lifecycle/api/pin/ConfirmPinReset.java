package jp.jpki.lifecycle.api.pin;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The card confirmed the reset (counter cleared, new PIN set on the card); accepted only from the pair's own card
 * (R-CRD-5).
 *
 * @param cardId the id the card reported about itself at the terminal
 */
public record ConfirmPinReset(@TargetAggregateIdentifier PairId pairId, String requestId, String cardId) {
}
