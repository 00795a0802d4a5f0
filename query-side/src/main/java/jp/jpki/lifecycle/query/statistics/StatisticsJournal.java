package jp.jpki.lifecycle.query.statistics;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Write-ahead journal that makes a batch's increments exactly-once without transactions, which the embedded
 * Mongo-wire server does not have. A batch is written as ONE journal document (a single-document write is atomic)
 * holding its number, its increments per period document and the pairs' new guards; then the increments are
 * applied, each period document also taking the batch number ({@code batch}), then the guards, then the entry is
 * marked applied. Recovery re-applies an entry found still "applying" only to the period documents whose
 * {@code batch} is below its number, so a crash anywhere counts every event exactly once.
 * <p>
 * Once an entry is applied the period documents' markers mean nothing (the next entry's number is higher), so they
 * are reset to 0: period documents then depend only on the events, and a rebuild reproduces them exactly.
 * One fixed {@code _id} is enough because the statistics processor is a single segment on one thread.
 * <p>
 * Every document here keeps the same fields once written (markers reset rather than removed, an applied entry keeps
 * its fields, emptied): the embedded server updates a stored document in place, and a field added or removed while its
 * store writes that document to disk for another collection's commit fails the commit and closes the store.
 */
@Component
class StatisticsJournal {
    static final String COLLECTION = "statistics_journal";
    private static final String ID = "statistics";
    private static final String APPLYING = "applying";
    private static final String APPLIED = "applied";

    private final MongoTemplate mongo;
    private final StatisticsYears years;
    /** The last batch this instance applied, to tell when another one has written batches since. */
    private long lastApplied = -1;

    StatisticsJournal(MongoTemplate mongo) {
        this.mongo = mongo;
        this.years = new StatisticsYears(mongo);
    }

    /**
     * Finishes a batch a crash or a failure left half applied, and answers the number of the last batch. It reads
     * the journal every time rather than remembering the number: when the processor moves between instances,
     * another process may have written batches since this one last did, and a reused number would make a later
     * recovery skip documents that carry it.
     */
    synchronized long recover() {
        Document entry = journal().find(eq("_id", ID)).first();
        if (entry == null) {
            return 0;
        }
        long batch = entry.get("batch", Number.class).longValue();
        if (APPLYING.equals(entry.getString("state"))) {
            for (String collection : StatisticsStore.PERIODS) {
                writePeriods(collection, notYetApplied(collection, periods(entry, collection), batch), batch);
            }
            writePairs(entry.getList("pairs", Document.class));
            settle(entry);
        }
        if (batch != lastApplied) {
            years.forget(); // another instance counted meanwhile, and may have made year documents
        }
        return batch;
    }

    /** The years that are over, which only the batch that holds this journal may change. */
    StatisticsYears years() {
        return years;
    }

    /**
     * Journals and applies one batch.
     *
     * @param batch   the number after the one {@link #recover()} answered when the batch opened
     * @param periods period collection → {@code {_id: period, cells: {key: {count, feeYen}}}} per document
     * @param pairs   {@code {_id: pair id, ...fields to set}} per pair
     */
    synchronized void apply(long batch, Map<String, List<Document>> periods, List<Document> pairs) {
        Document entry = new Document("_id", ID).append("batch", batch).append("state", APPLYING)
                .append("periods", new Document(Map.copyOf(periods))).append("pairs", pairs);
        journal().replaceOne(eq("_id", ID), entry, new ReplaceOptions().upsert(true));
        for (String collection : StatisticsStore.PERIODS) {
            writePeriods(collection, periods(entry, collection), batch);
        }
        writePairs(pairs);
        settle(entry);
        lastApplied = batch;
    }

    /** Increments the cells and marks each document with the batch, one atomic update per document. */
    void writePeriods(String collection, List<Document> periods, long batch) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document period : periods) {
            List<Bson> updates = new ArrayList<>();
            StatisticsCell.forEachIn(period, (key, count, feeYen) -> {
                updates.add(Updates.inc("cells." + key + ".count", count));
                updates.add(Updates.inc("cells." + key + ".feeYen", feeYen));
            });
            updates.add(Updates.set("batch", batch));
            writes.add(new UpdateOneModel<>(eq("_id", period.get("_id")), Updates.combine(updates),
                    new UpdateOptions().upsert(true)));
        }
        bulk(collection, writes);
    }

    /** Setting a guard or a municipality twice is harmless, so the pairs need no marker. */
    void writePairs(List<Document> pairs) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document pair : pairs) {
            List<Bson> updates = new ArrayList<>();
            pair.forEach((field, value) -> {
                if (!field.equals("_id")) {
                    updates.add(Updates.set(field, value));
                }
            });
            writes.add(new UpdateOneModel<>(eq("_id", pair.get("_id")), Updates.combine(updates),
                    new UpdateOptions().upsert(true)));
        }
        bulk(StatisticsStore.PAIRS, writes);
    }

    private void settle(Document entry) {
        journal().replaceOne(eq("_id", ID), new Document("_id", ID).append("batch", entry.get("batch"))
                .append("state", APPLIED).append("periods", new Document()).append("pairs", List.of()));
        for (String collection : StatisticsStore.PERIODS) {
            unmark(collection, periods(entry, collection));
        }
    }

    private void unmark(String collection, List<Document> periods) {
        if (!periods.isEmpty()) {
            mongo.getCollection(collection).updateMany(in("_id", periods.stream().map(p -> p.get("_id")).toList()),
                    Updates.set("batch", 0L));
        }
    }

    private List<Document> notYetApplied(String collection, List<Document> periods, long batch) {
        if (periods.isEmpty()) {
            return periods;
        }
        Map<Object, Long> marks = new HashMap<>();
        mongo.getCollection(collection).find(in("_id", periods.stream().map(p -> p.get("_id")).toList()))
                .projection(Projections.include("batch"))
                .forEach(stored -> marks.put(stored.get("_id"), stored.get("batch") instanceof Number n ? n.longValue() : 0L));
        return periods.stream().filter(period -> marks.getOrDefault(period.get("_id"), 0L) < batch).toList();
    }

    private void bulk(String collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static List<Document> periods(Document entry, String collection) {
        return entry.get("periods", Document.class).getList(collection, Document.class, List.of());
    }

    private MongoCollection<Document> journal() {
        return mongo.getCollection(COLLECTION);
    }
}
