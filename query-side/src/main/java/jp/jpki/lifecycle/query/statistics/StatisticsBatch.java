package jp.jpki.lifecycle.query.statistics;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.query.infrastructure.ProjectionBatch;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The counts of one batch of events: the batch's pairs (municipality and guard) are read in one query at its
 * start, the counts are summed in memory per period document (day, month, and year once it is over) and cell, and
 * the sums reach the period documents through the {@link StatisticsJournal} after the batch's last event, a few
 * round trips per batch instead of two or three per event.
 * <p>
 * A pair's guard {@code counted} is the sequence number of its last event counted: one pair's events come in
 * order on one thread, so an event at or below it is a redelivery and counts nothing.
 */
final class StatisticsBatch implements ProjectionBatch.Pending {
    private static final Long NOT_COUNTED = -1L;
    private final MongoTemplate mongo;
    private final StatisticsJournal journal;
    private final StatisticsYears years;
    /** The latest year this batch counts into; the years before it are over once the batch is applied. */
    private String latestYear;
    /** The journal's last batch when this one opened; only this batch's processor writes statistics until it ends. */
    private final long lastBatch;
    /** Pair id → stored pair document as the batch has it so far, null for pairs not stored. */
    private final Map<String, Document> pairs = new HashMap<>();
    /** Written whole, with both fields, so that a pair document never gains a field (see {@link StatisticsJournal}). */
    private final Set<String> changedPairs = new LinkedHashSet<>();
    /** Period collection → period id → cell key → {count, feeYen}. */
    private final Map<String, Map<String, Map<String, long[]>>> increments = new TreeMap<>();

    StatisticsBatch(MongoTemplate mongo, StatisticsJournal journal, List<? extends EventMessage<?>> events) {
        this.mongo = mongo;
        this.journal = journal;
        lastBatch = journal.recover(); // before reading guards: a half-applied batch may still have to set them
        years = journal.years();
        List<String> pairIds = ProjectionBatch.pairIds(events);
        if (!pairIds.isEmpty()) {
            mongo.getCollection(StatisticsStore.PAIRS).find(in("_id", pairIds))
                    .forEach(pair -> pairs.put(pair.getString("_id"), pair));
            pairIds.forEach(pairId -> pairs.putIfAbsent(pairId, null));
        }
    }

    Optional<String> municipalityOf(PairId pairId) {
        return Optional.ofNullable(pair(pairId.value())).map(pair -> pair.getString("municipality"));
    }

    /**
     * The pair's municipality, for the events that carry none (deadlines raised by the system). An application
     * delivered again after later events of its pair were counted is old news: the pair may have moved since.
     */
    void rememberMunicipality(PairId pairId, long sequence, String municipalityCode) {
        if (!countedThrough(pair(pairId.value()), sequence)) {
            set(pairId.value(), "municipality", municipalityCode);
        }
    }

    /** Adds the event's counts unless the pair's guard says it was counted before. */
    void count(EventOrigin origin, List<StatisticsTally> tallies) {
        String pairId = origin.pairId().value();
        if (countedThrough(pair(pairId), origin.sequence())) {
            return;
        }
        String year = String.valueOf(origin.day().getYear());
        years.counting(year);
        if (latestYear == null || year.compareTo(latestYear) > 0) {
            latestYear = year;
        }
        Map<String, String> periods = StatisticsPeriods.containing(origin.day(), years.closed(year));
        for (StatisticsTally tally : tallies) {
            String key = new StatisticsCell(origin.officeId(), origin.municipality(), tally.kind(),
                    tally.operation().name(), tally.reason()).key();
            periods.forEach((collection, period) -> add(collection, period, key, tally.feeYen()));
        }
        set(pairId, "counted", origin.sequence());
    }

    @Override
    public void flush() {
        if (changedPairs.isEmpty()) {
            return; // every count also moves a guard, so no changed pair means nothing to write
        }
        List<Document> pairWrites = new ArrayList<>();
        for (String pairId : changedPairs) {
            Document pair = pairs.get(pairId);
            pairWrites.add(new Document("_id", pairId).append("municipality", pair.getString("municipality"))
                    .append("counted", pair.get("counted", NOT_COUNTED)));
        }
        Map<String, List<Document>> periods = new TreeMap<>();
        increments.forEach((collection, cells) -> periods.put(collection, periods(cells)));
        journal.apply(lastBatch + 1, periods, pairWrites);
        if (latestYear != null) { // after the apply: a year's document sums its months with this batch in them
            years.closeBefore(latestYear);
        }
    }

    private static boolean countedThrough(Document pair, long sequence) {
        Number counted = pair == null ? null : pair.get("counted", Number.class);
        return counted != null && counted.longValue() >= sequence;
    }

    private Document pair(String pairId) {
        if (!pairs.containsKey(pairId)) {
            pairs.put(pairId, mongo.getCollection(StatisticsStore.PAIRS).find(eq("_id", pairId)).first());
        }
        return pairs.get(pairId);
    }

    private void set(String pairId, String field, Object value) {
        Document pair = pair(pairId);
        if (pair == null) {
            pair = new Document("_id", pairId);
            pairs.put(pairId, pair);
        }
        pair.put(field, value);
        changedPairs.add(pairId);
    }

    private void add(String collection, String period, String key, long feeYen) {
        long[] cell = increments.computeIfAbsent(collection, c -> new TreeMap<>())
                .computeIfAbsent(period, p -> new TreeMap<>()).computeIfAbsent(key, k -> new long[2]);
        cell[0]++;
        cell[1] += feeYen;
    }

    private static List<Document> periods(Map<String, Map<String, long[]>> periods) {
        List<Document> documents = new ArrayList<>();
        periods.forEach((period, cells) ->
                documents.add(new Document("_id", period).append("cells", StatisticsCell.cells(cells))));
        return documents;
    }
}
