package jp.jpki.lifecycle.api.move;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/**
 * A legal period of the move ran out (R-MOV-2 move-in, R-MOV-3 continued use): the card is void, and the events
 * that follow revoke what it held.
 *
 * @param ruleId the period missed
 * @param lastDay the last day of that period
 */
@Revision("1")
public record MovePeriodMissed(PairId pairId, String ruleId, LocalDate lastDay) {
}
