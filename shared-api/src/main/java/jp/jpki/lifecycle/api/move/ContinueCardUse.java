package jp.jpki.lifecycle.api.move;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The card's continued-use processing (継続利用) at the new municipality after the move-in (R-MOV-3). */
public record ContinueCardUse(@TargetAggregateIdentifier PairId pairId) {
}
