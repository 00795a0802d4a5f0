package jp.jpki.lifecycle.query.counter;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
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
        view.serials().forEach(serial -> keys.add("serial:" + serial));
        return keys;
    }

    static String keyOf(FindPairs lookup) {
        return lookup.residentRef() != null ? "residentRef:" + lookup.residentRef()
                : lookup.cardId() != null ? "cardId:" + lookup.cardId()
                : "serial:" + lookup.serialHex().toUpperCase(Locale.ROOT);
    }

    /** Idempotent: a redelivered event adds and removes the same keys again. */
    void index(String pairId, Set<String> before, Set<String> after) {
        for (String key : after) {
            if (!before.contains(key)) {
                lookups().updateOne(eq("_id", key), Updates.addToSet("pairIds", pairId), new UpdateOptions().upsert(true));
            }
        }
        for (String key : before) {
            if (!after.contains(key)) {
                lookups().updateOne(eq("_id", key), Updates.pull("pairIds", pairId));
            }
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
