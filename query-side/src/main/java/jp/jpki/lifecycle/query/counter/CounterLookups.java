package jp.jpki.lifecycle.query.counter;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.jpki.lifecycle.api.query.FindPairs;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a counter can search a pair by (resident reference, card id, every serial) → the pairs, one document per
 * key with the key as {@code _id}. The embedded MongoDB ignores secondary indexes, so a lookup by field scanned
 * every pair (T5); an {@code _id} lookup is an index hit on every MongoDB. Entries are written before the view
 * they index and are only ever a superset of it: a reader checks the criterion against the view itself.
 */
final class CounterLookups {
    static final String COLLECTION = "counter_lookup";

    private final MongoTemplate mongo;

    CounterLookups(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static Set<String> keysOf(CounterViewDocument view) {
        Set<String> keys = new HashSet<>();
        if (view.residentRef() != null) {
            keys.add("residentRef:" + view.residentRef());
        }
        if (view.cardId() != null) {
            keys.add("cardId:" + view.cardId());
        }
        view.previousCardIds().forEach(cardId -> keys.add("cardId:" + cardId));
        view.serials().forEach(serial -> keys.add("serial:" + serial));
        return keys;
    }

    static String keyOf(FindPairs lookup) {
        return lookup.residentRef() != null ? "residentRef:" + lookup.residentRef()
                : lookup.cardId() != null ? "cardId:" + lookup.cardId()
                : "serial:" + lookup.serialHex().toUpperCase(Locale.ROOT);
    }

    /** The writes that move a pair's entries from {@code before} to {@code after}; idempotent, so redelivery is safe. */
    static List<WriteModel<Document>> changes(String pairId, Set<String> before, Set<String> after) {
        List<WriteModel<Document>> changes = new ArrayList<>();
        for (String key : after) {
            if (!before.contains(key)) {
                changes.add(new UpdateOneModel<>(eq("_id", key), Updates.addToSet("pairIds", pairId),
                        new UpdateOptions().upsert(true)));
            }
        }
        for (String key : before) {
            if (!after.contains(key)) {
                changes.add(new UpdateOneModel<>(eq("_id", key), Updates.pull("pairIds", pairId)));
            }
        }
        return changes;
    }

    void write(List<WriteModel<Document>> changes) {
        if (!changes.isEmpty()) {
            lookups().bulkWrite(changes, new BulkWriteOptions().ordered(true));
        }
    }

    List<String> pairIds(String key) {
        Document entry = lookups().find(eq("_id", key)).first();
        return entry == null ? List.of() : entry.getList("pairIds", String.class);
    }

    void clear() {
        if (mongo.collectionExists(COLLECTION)) {
            mongo.dropCollection(COLLECTION);
        }
    }

    private MongoCollection<Document> lookups() {
        return mongo.getCollection(COLLECTION);
    }
}
