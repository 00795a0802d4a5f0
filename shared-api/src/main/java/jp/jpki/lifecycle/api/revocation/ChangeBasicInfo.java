package jp.jpki.lifecycle.api.revocation;

import java.time.LocalDate;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A basic item changed in the resident register: SIGN is revoked, AUTH survives (R-REV-2). */
public record ChangeBasicInfo(@TargetAggregateIdentifier PairId pairId, Set<BasicItem> changedItems,
                              LocalDate effectiveOn) {
}
