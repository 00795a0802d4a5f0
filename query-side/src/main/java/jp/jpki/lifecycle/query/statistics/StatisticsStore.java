package jp.jpki.lifecycle.query.statistics;

import java.util.List;
import java.util.function.Consumer;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import jp.jpki.lifecycle.query.infrastructure.ProjectionBatch;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Operation counts in one document per JST day ({@code statistics_days}, {@code _id} {@code 2025-03-14}), per
 * month ({@code statistics_months}, {@code 2025-03}) and per year that is over ({@code statistics_years},
 * {@code 2025}; see {@link StatisticsYears}), each
 * {@code {batch, cells: {<cell key>: {count, feeYen}}}} (see {@link StatisticsCell}), plus {@code statistics_pairs}:
 * each pair's municipality and the sequence number of its last event counted.
 * <p>
 * Period documents instead of one row per cell: the embedded server only uses its {@code _id} index for
 * {@code {_id: v}} and {@code {_id: {$in: [...]}}}, so a range query over rows scanned every row of every year
 * (docs/performance.md, T6). Now a range is read by {@code _id} from the few documents that cover it
 * ({@link StatisticsPeriods}), whatever the number of pairs. A document holds at most offices × municipalities
 * they serve × kinds × operations × reasons cells: with the generator's 2,201 offices and 1,741 municipalities
 * about 50,000 cells or 4 MB at worst, below MongoDB's 16 MB. Exactly-once counting lives in
 * {@link StatisticsJournal}.
 */
@Component
class StatisticsStore {
    static final String DAYS = "statistics_days";
    static final String MONTHS = "statistics_months";
    static final String YEARS = "statistics_years";
    static final List<String> PERIODS = List.of(DAYS, MONTHS, YEARS);
    static final String PAIRS = "statistics_pairs";
    /**
     * Period documents per reply when more than a few are read: the embedded server answers a find in one message
     * unless the client asks for batches, and a message above 48 MB (a dozen large documents) fails.
     */
    static final int PER_REPLY = 8;
    /** Where earlier versions kept their per-cell rows; dropped by a rebuild so no dead data stays behind. */
    private static final String LEGACY_ROWS = "statistics_daily";
    static final String NONE = "-";

    private final MongoTemplate mongo;
    private final StatisticsJournal journal;

    StatisticsStore(MongoTemplate mongo, StatisticsJournal journal) {
        this.mongo = mongo;
        this.journal = journal;
    }

    /** Counts in the current batch of events (see {@link StatisticsBatch}). */
    void inBatch(Consumer<StatisticsBatch> change) {
        ProjectionBatch.apply(StatisticsBatch.class, events -> new StatisticsBatch(mongo, journal, events), change);
    }

    List<StatisticsRow> query(StatisticsQuery query) {
        return StatisticsReport.of(mongo, query);
    }

    void deleteAll() {
        for (String collection : List.of(DAYS, MONTHS, YEARS, PAIRS, StatisticsJournal.COLLECTION, LEGACY_ROWS)) {
            if (mongo.collectionExists(collection)) { // the embedded server reports dropping a missing one as an error
                mongo.dropCollection(collection);
            }
        }
        journal.years().forget();
    }
}
