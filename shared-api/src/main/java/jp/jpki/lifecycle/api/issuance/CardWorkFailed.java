package jp.jpki.lifecycle.api.issuance;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** A card-work step failed; the saga retries within its bound. */
@Revision("1")
public record CardWorkFailed(PairId pairId, String requestId, String step, int attempt, String reason) {
}
