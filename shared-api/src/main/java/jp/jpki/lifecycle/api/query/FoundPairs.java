package jp.jpki.lifecycle.api.query;

import java.util.List;

/**
 * Answer to a query for many: the pairs a counter lookup ({@link FindPairs}) found, at most a screenful. A record rather than a bare list, because the
 * list's element type must survive the bus: Jackson writes a list without it, and Axon Server hands the
 * caller a list of maps.
 */
public record FoundPairs(List<PairView> pairs) {
    public FoundPairs {
        pairs = List.copyOf(pairs);
    }
}
