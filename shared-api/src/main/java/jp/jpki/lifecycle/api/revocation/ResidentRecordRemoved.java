package jp.jpki.lifecycle.api.revocation;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/**
 * The resident record was removed (death, removal from the register): the card is void and the pair is closed for
 * good (R-END-1). The certificates still valid are revoked by the events that follow.
 *
 * @param cardId the card that becomes void, or null when the pair never had one
 */
@Revision("1")
public record ResidentRecordRemoved(PairId pairId, String cardId) {
}
