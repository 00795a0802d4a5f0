package jp.jpki.lifecycle.api.issuance;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** A card-work request ended without reaching the card; the pair is back where it was before it. */
@Revision("1")
public record CardWorkAbandoned(PairId pairId, String requestId, String reason) {
}
