package jp.jpki.lifecycle.api.revocation;

import java.time.LocalDate;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.EnumSets;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** Which basic items changed (the new values stay in the resident register, not here). */
@Revision("1")
public record BasicInfoChanged(PairId pairId, Set<BasicItem> changedItems, LocalDate effectiveOn) {
    public BasicInfoChanged {
        changedItems = EnumSets.ordered(changedItems, BasicItem.class);
    }
}
