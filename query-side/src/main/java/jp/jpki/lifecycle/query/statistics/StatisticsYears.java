package jp.jpki.lifecycle.query.statistics;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Year documents for a store counted by a version that kept none (December 2026): each year is summed from its
 * month documents, which hold exactly the same events. A year is written whole, so a fill cut short by a crash is
 * simply done again; a marker next to the journal entry says the years are complete, and until then a whole year
 * is read from its months. The fill runs in the statistics processor's batch, the only writer of the period
 * documents, so it starts with the first event counted after an upgrade. A store counted from its first event has
 * its years from the start and is marked before its first batch.
 */
final class StatisticsYears {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final String MARKER = "years";

    private final MongoTemplate mongo;
    /** Once complete, the years stay complete: a reset drops them with everything else and recounts them. */
    private volatile boolean complete;

    StatisticsYears(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean complete() {
        if (!complete) {
            complete = journal().find(eq("_id", MARKER)).first() != null;
        }
        return complete;
    }

    void markComplete() {
        journal().replaceOne(eq("_id", MARKER), new Document("_id", MARKER).append("complete", true), UPSERT);
    }

    /** Call only between batches: the months must not change while they are summed. */
    void fillFromMonthsUnlessComplete() {
        if (complete()) {
            return;
        }
        Map<String, Map<String, long[]>> years = new TreeMap<>();
        for (Document month : mongo.getCollection(StatisticsStore.MONTHS).find().batchSize(StatisticsStore.PER_REPLY)) {
            Map<String, long[]> year = years.computeIfAbsent(month.getString("_id").substring(0, 4), y -> new TreeMap<>());
            month.get("cells", new Document()).forEach((key, value) -> {
                Document sums = (Document) value;
                long[] cell = year.computeIfAbsent(key, k -> new long[2]);
                cell[0] += sums.get("count", Number.class).longValue();
                cell[1] += sums.get("feeYen", Number.class).longValue();
            });
        }
        MongoCollection<Document> stored = mongo.getCollection(StatisticsStore.YEARS);
        years.forEach((year, cells) -> {
            Document sums = new Document();
            cells.forEach((key, cell) -> sums.append(key, new Document("count", cell[0]).append("feeYen", cell[1])));
            stored.replaceOne(eq("_id", year), new Document("_id", year).append("cells", sums).append("batch", 0L), UPSERT);
        });
        markComplete();
    }

    private MongoCollection<Document> journal() {
        return mongo.getCollection(StatisticsJournal.COLLECTION);
    }
}
