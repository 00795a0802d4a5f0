package jp.jpki.lifecycle.api.move;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 転入届 at the new municipality (R-MOV-2).
 *
 * @param holder        the resident as the new municipality records them (its resident reference and code)
 * @param cardContinued the card was presented and its continued use processed with the move-in (R-MOV-3)
 */
public record RecordMoveIn(@TargetAggregateIdentifier PairId pairId, LocalDate movedInOn, HolderFacts holder,
                           boolean cardContinued) {
}
