package jp.jpki.lifecycle.query.statistics;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Year documents, for the years that are over. A year gets its document when an event of a later year is counted:
 * the sum of its months, which hold the same events. From then on the document counts every event of its year
 * the months count (one from a clock a little behind, say), so a year document and its months always agree, and a
 * year without a document is read from its months.
 * <p>
 * The year in progress has no document because every batch counts into it: the embedded server's cost of an update
 * grows with the cells it changes and the size of the document, and counting each batch into a year as well slowed
 * the statistics rebuild by about a third (docs/performance.md, T4).
 * <p>
 * Only the statistics processor's batch uses this (through {@link StatisticsJournal}), on one thread.
 */
final class StatisticsYears {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoTemplate mongo;
    /** Years with a document; null until read from the store. */
    private Set<String> closed;
    /** Years counted in months that have no document yet. */
    private Set<String> open;

    StatisticsYears(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean closed(String year) {
        load();
        return closed.contains(year);
    }

    /** An event of {@code year} is counted into its months. */
    void counting(String year) {
        load();
        if (!closed.contains(year)) {
            open.add(year);
        }
    }

    /** Makes the document of every year before {@code year} that has months and no document yet. */
    void closeBefore(String year) {
        load();
        for (String over : open.stream().filter(y -> y.compareTo(year) < 0).sorted().toList()) {
            close(over);
            open.remove(over);
            closed.add(over);
        }
    }

    /** After the store was emptied for a replay. */
    void forget() {
        closed = null;
        open = null;
    }

    private void close(String year) {
        Map<String, long[]> cells = new TreeMap<>();
        for (Document month : mongo.getCollection(StatisticsStore.MONTHS).find(in("_id", StatisticsPeriods.monthsOf(year)))
                .batchSize(StatisticsStore.PER_REPLY)) {
            StatisticsCell.forEachIn(month, (key, count, feeYen) -> {
                long[] cell = cells.computeIfAbsent(key, k -> new long[2]);
                cell[0] += count;
                cell[1] += feeYen;
            });
        }
        mongo.getCollection(StatisticsStore.YEARS).replaceOne(eq("_id", year),
                new Document("_id", year).append("cells", StatisticsCell.cells(cells)).append("batch", 0L), UPSERT);
    }

    private void load() {
        if (closed != null) {
            return;
        }
        closed = ids(StatisticsStore.YEARS, id -> id);
        open = ids(StatisticsStore.MONTHS, id -> id.substring(0, 4));
        open.removeAll(closed);
    }

    private Set<String> ids(String collection, UnaryOperator<String> toYear) {
        Set<String> years = new HashSet<>();
        mongo.getCollection(collection).find().projection(Projections.include("_id")).batchSize(StatisticsStore.PER_REPLY)
                .forEach(document -> years.add(toYear.apply(document.getString("_id"))));
        return years;
    }
}
