package jp.jpki.lifecycle.standalone;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/** A unique index of the embedded MongoDB: key → the document's id, in a map ordered as MongoDB orders values. */
final class BsonUniqueIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<KeyValue, Object> keys;

    BsonUniqueIndex(MVMap<KeyValue, Object> keys, String name, List<IndexKey> indexKeys, boolean sparse) {
        super(name, indexKeys, sparse);
        this.keys = keys;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return keys.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return keys.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return keys.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return keys.get(key);
    }

    @Override
    public long getCount() {
        return keys.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
