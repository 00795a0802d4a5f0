package jp.jpki.lifecycle.api.revocation;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The holder emigrated and keeps using the card. */
@Revision("1")
public record EmigrationWithContinuedUseRecorded(PairId pairId, LocalDate emigratedOn) {
}
