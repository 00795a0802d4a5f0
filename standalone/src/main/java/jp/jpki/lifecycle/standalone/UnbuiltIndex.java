package jp.jpki.lifecycle.standalone;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.List;

/**
 * A non-unique index, which the embedded server keeps no entries for (queries on its fields scan). Reported as not
 * empty, because the server fills an empty index from every document of its collection whenever it opens it: at
 * 1,000,000 pairs that read the whole counter view twice per index at every start, and a scan that long outlives
 * the store's retention of old pages ({@code Chunk … not found}), which failed the start.
 */
final class UnbuiltIndex extends EmptyIndex<Object> {

    UnbuiltIndex(String name, List<IndexKey> keys) {
        super(name, keys);
    }

    @Override
    public boolean isEmpty() {
        return false;
    }
}
