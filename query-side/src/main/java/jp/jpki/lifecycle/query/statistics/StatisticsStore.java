package jp.jpki.lifecycle.query.statistics;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.query.StatisticsDimension;
import jp.jpki.lifecycle.api.query.StatisticsOperation;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Daily counters in {@code statistics_daily}, one document per day × office × municipality × kind × operation ×
 * reason, incremented with upserts.
 * <p>
 * An increment is not idempotent and the embedded Mongo-wire server has no transactions, so a separate "applied"
 * collection written after the increment would double-count when the process dies between the two writes. Each
 * row therefore carries its own guard, {@code applied.<pairId>} = the last sequence number of that pair counted
 * into it; the increment and the guard update are one single-document update, which MongoDB applies atomically.
 * The guard is checked by reading the row first rather than in the update's filter: only a filter on {@code _id}
 * alone uses the embedded server's index, and a guarded filter made it scan the whole table for every event (the
 * rebuild profile). Reading first is safe because one pair's events are handled in order by one thread (Axon
 * sequences per aggregate), so nothing else counts the same pair's event in between. Rows stay small: a row only
 * holds the pairs that had that operation in that office that day.
 */
@Component
class StatisticsStore implements InitializingBean {
    static final String ROWS = "statistics_daily";
    static final String PAIRS = "statistics_pairs";
    static final String NONE = "-";

    private static final Map<StatisticsDimension, String> KEY_FIELDS = Map.of(
            StatisticsDimension.DAY, "day", StatisticsDimension.OFFICE, "office",
            StatisticsDimension.MUNICIPALITY, "municipality", StatisticsDimension.KIND, "kind",
            StatisticsDimension.OPERATION, "operation", StatisticsDimension.REASON, "reason");

    private final MongoTemplate mongo;

    StatisticsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        rows().createIndex(Indexes.ascending("_id.day"));
    }

    /** Counts one operation unless this pair's event was already counted into the row. */
    void count(EventOrigin origin, String kind, StatisticsOperation operation, String reason, long feeYen) {
        Document key = new Document("day", origin.day().toString()).append("office", origin.officeId())
                .append("municipality", origin.municipality()).append("kind", kind)
                .append("operation", operation.name()).append("reason", reason);
        String pair = origin.pairId().value();
        Document row = rows().find(eq("_id", key)).projection(Projections.include("applied." + pair)).first();
        if (row != null && alreadyCounted(row, pair, origin.sequence())) {
            return;
        }
        Bson increment = Updates.combine(Updates.inc("count", 1L), Updates.inc("feeYen", feeYen),
                Updates.set("applied." + pair, origin.sequence()));
        try {
            rows().updateOne(eq("_id", key), increment, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            rows().updateOne(eq("_id", key), increment); // another segment inserted the row first
        }
    }

    private static boolean alreadyCounted(Document row, String pair, long sequence) {
        Number counted = row.get("applied", new Document()).get(pair, Number.class);
        return counted != null && counted.longValue() >= sequence;
    }

    List<StatisticsRow> query(StatisticsQuery query) {
        List<StatisticsDimension> dimensions = Arrays.stream(StatisticsDimension.values())
                .filter(query.groupBy()::contains).toList();
        Document groupKey = new Document();
        Document sort = new Document();
        dimensions.forEach(d -> {
            groupKey.append(KEY_FIELDS.get(d), "$_id." + KEY_FIELDS.get(d));
            sort.append("_id." + KEY_FIELDS.get(d), 1);
        });
        List<Bson> pipeline = new ArrayList<>(List.of(
                Aggregates.match(and(gte("_id.day", query.from().toString()), lte("_id.day", query.to().toString()))),
                Aggregates.group(groupKey.isEmpty() ? null : groupKey,
                        Accumulators.sum("count", "$count"), Accumulators.sum("feeYen", "$feeYen"))));
        if (!sort.isEmpty()) {
            pipeline.add(Aggregates.sort(sort));
        }
        return rows().aggregate(pipeline).map(StatisticsStore::toRow).into(new ArrayList<>());
    }

    private static StatisticsRow toRow(Document group) {
        Document key = group.get("_id") instanceof Document d ? d : new Document();
        String day = key.getString("day");
        String operation = key.getString("operation");
        return new StatisticsRow(day == null ? null : LocalDate.parse(day), key.getString("office"),
                key.getString("municipality"), key.getString("kind"),
                operation == null ? null : StatisticsOperation.valueOf(operation), key.getString("reason"),
                ((Number) group.get("count")).longValue(), ((Number) group.get("feeYen")).longValue());
    }

    /** The pair's municipality, for events that carry none (deadlines raised by the system). Idempotent. */
    void rememberMunicipality(PairId pairId, String municipalityCode) {
        pairs().updateOne(eq("_id", pairId.value()), Updates.set("municipality", municipalityCode),
                new UpdateOptions().upsert(true));
    }

    Optional<String> municipalityOf(PairId pairId) {
        return Optional.ofNullable(pairs().find(eq("_id", pairId.value())).first()).map(d -> d.getString("municipality"));
    }

    void deleteAll() {
        for (String collection : List.of(ROWS, PAIRS)) {
            if (mongo.collectionExists(collection)) { // the embedded server reports dropping a missing one as an error
                mongo.dropCollection(collection);
            }
        }
        afterPropertiesSet();
    }

    private MongoCollection<Document> rows() {
        return mongo.getCollection(ROWS);
    }

    private MongoCollection<Document> pairs() {
        return mongo.getCollection(PAIRS);
    }
}
