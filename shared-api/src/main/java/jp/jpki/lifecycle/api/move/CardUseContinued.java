package jp.jpki.lifecycle.api.move;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The card's continued use was processed in time: the card and AUTH go on at the new municipality (R-MOV-3). */
@Revision("1")
public record CardUseContinued(PairId pairId, String cardId) {
}
