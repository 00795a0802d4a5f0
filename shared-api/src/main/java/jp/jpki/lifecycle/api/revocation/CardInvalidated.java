package jp.jpki.lifecycle.api.revocation;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The card that carried the pair is no longer valid; a new issue needs a new card. */
@Revision("1")
public record CardInvalidated(PairId pairId, String cardId, CardInvalidationCause cause) {
}
