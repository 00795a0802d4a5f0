package jp.jpki.lifecycle.api.query;

import java.util.Objects;
import jp.jpki.lifecycle.api.pair.PairId;

/** The counter view of one pair; answered with an optional {@link PairView}. */
public record FindPair(PairId pairId) {
    public FindPair {
        Objects.requireNonNull(pairId, "pairId");
    }
}
