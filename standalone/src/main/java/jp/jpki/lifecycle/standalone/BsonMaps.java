package jp.jpki.lifecycle.standalone;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names of the maps {@link BsonH2Database} keeps in the file store, and the one-time copy of the maps a data
 * directory got from the server's own H2 backend (Java-serialized) into ours (BSON). A map is removed only after it
 * was copied whole, so a copy cut short by a crash is simply done again at the next start.
 */
final class BsonMaps {
    private static final Logger log = LoggerFactory.getLogger(BsonMaps.class);

    private static final String PREFIX = "bson.";
    private static final String DATA = "databases.";
    private static final String INDEX = "._index_";

    private BsonMaps() {
    }

    static String data(String namespace) {
        return PREFIX + DATA + namespace;
    }

    /** A collection's counters; plain numbers by name, which the generic H2 type already handles well. */
    static String meta(String namespace) {
        return "meta." + namespace;
    }

    static String index(String namespace, String indexName) {
        return PREFIX + namespace + INDEX + indexName;
    }

    /**
     * A collection's documents by id, each as its BSON bytes; the one definition the database opens and the
     * migration writes. A value is stored as its length and its bytes, exactly as the document type of December
     * 2026 stored a document, so maps written by that type read as they are.
     */
    static MVMap.Builder<Object, byte[]> dataMapType() {
        return new MVMap.Builder<Object, byte[]>().keyType(BsonTypes.IDS).valueType(ByteArrayDataType.INSTANCE);
    }

    /** A unique index: key → the document's id. */
    static MVMap.Builder<KeyValue, Object> indexMapType() {
        return new MVMap.Builder<KeyValue, Object>().keyType(BsonTypes.INDEX_KEYS);
    }

    static boolean belongsTo(String mapName, String database) {
        return mapName.startsWith(PREFIX + DATA + database + ".") || mapName.startsWith(PREFIX + database + ".")
                || mapName.startsWith("meta." + database + ".");
    }

    static MVStore open(String file) {
        MVStore store = MVStore.open(file);
        migrate(store);
        return store;
    }

    static void migrate(MVStore store) {
        List<String> older = store.getMapNames().stream()
                .filter(name -> !name.startsWith(PREFIX) && (name.startsWith(DATA) || name.contains(INDEX))).toList();
        if (older.isEmpty()) {
            return;
        }
        for (String name : older) {
            if (name.startsWith(DATA)) {
                MVMap<Object, Document> from = store.openMap(name);
                MVMap<Object, byte[]> to = store.openMap(PREFIX + name, dataMapType());
                from.forEach((id, document) -> to.put(id, BsonTypes.encode(document)));
                store.removeMap(from);
            } else {
                copy(store, name, indexMapType());
            }
        }
        store.commit();
        log.info("Embedded MongoDB: {} maps moved to the BSON format", older.size());
    }

    private static <K, V> void copy(MVStore store, String name, MVMap.Builder<K, V> type) {
        MVMap<K, V> from = store.openMap(name);
        MVMap<K, V> to = store.openMap(PREFIX + name, type);
        from.forEach(to::put);
        store.removeMap(from);
    }
}
