package jp.jpki.lifecycle.api.revocation;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 国外転出者の継続利用: SIGN is revoked on the emigration date, AUTH survives (R-REV-2). */
public record RecordEmigrationWithContinuedUse(@TargetAggregateIdentifier PairId pairId, LocalDate emigratedOn) {
}
