package jp.jpki.lifecycle.query.counter;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.query.FindPairs;
import jp.jpki.lifecycle.query.infrastructure.ProjectionBatch;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the counter view. Indexes are declared here rather than left to Spring Data's auto index
 * creation (off by default): a lookup must stay an index hit at a million pairs. Lookups by resident reference,
 * card id and serial go through {@link CounterLookups}, keyed by {@code _id}, because the embedded MongoDB
 * ignores the field indexes (they stay for ad-hoc queries on a real MongoDB).
 */
@Component
class CounterViewStore implements InitializingBean {
    /** A lookup answers a counter screen; more hits than this means the criterion was not selective. */
    private static final int MAX_LOOKUP_RESULTS = 100;

    private final MongoTemplate mongo;
    private final CounterLookups lookups;

    CounterViewStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.lookups = new CounterLookups(mongo);
    }

    @Override
    public void afterPropertiesSet() {
        ensureIndexes();
    }

    void ensureIndexes() {
        IndexOperations indexes = mongo.indexOps(CounterViewDocument.class);
        indexes.ensureIndex(new Index("residentRef", Sort.Direction.ASC).named("residentRef"));
        indexes.ensureIndex(new Index("cardId", Sort.Direction.ASC).named("cardId"));
        indexes.ensureIndex(new Index("serials", Sort.Direction.ASC).named("serials"));
        for (CertificateKind kind : CertificateKind.values()) {
            indexes.ensureIndex(new Index(notAfterField(kind), Sort.Direction.ASC).named(kind.name() + "_notAfter"));
        }
    }

    /** Applies one event to a pair, in the current batch of events (see {@link CounterViewBatch}). */
    void update(PairId pairId, long sequence, LastOperationEntry operation, Consumer<CounterViewDocument> change) {
        ProjectionBatch.apply(CounterViewBatch.class, events -> new CounterViewBatch(mongo, lookups, events),
                batch -> batch.update(pairId.value(), sequence, operation, change));
    }

    Optional<CounterViewDocument> find(PairId pairId) {
        return Optional.ofNullable(mongo.findById(pairId.value(), CounterViewDocument.class));
    }

    /** Through the lookup collection: a query by field would scan every pair on the embedded MongoDB. */
    List<CounterViewDocument> find(FindPairs lookup) {
        String key = CounterLookups.keyOf(lookup);
        List<String> pairIds = lookups.pairIds(key);
        if (pairIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(pairIds)), CounterViewDocument.class).stream()
                .filter(view -> CounterLookups.keysOf(view).contains(key))
                .sorted(Comparator.comparing(CounterViewDocument::pairId))
                .limit(MAX_LOOKUP_RESULTS)
                .toList();
    }

    /** Pairs with an active certificate of {@code kind} whose notAfter lies in {@code from}..{@code to}. */
    List<CounterViewDocument> activeExpiringBetween(CertificateKind kind, LocalDate from, LocalDate to) {
        Query query = Query.query(Criteria.where(notAfterField(kind)).gte(from.toString()).lte(to.toString())
                .and(statusField(kind)).is(CertificateStatus.ACTIVE.name()));
        return mongo.find(query, CounterViewDocument.class);
    }

    void deleteAll() {
        mongo.dropCollection(CounterViewDocument.class);
        lookups.clear();
        ensureIndexes();
    }

    private static String notAfterField(CertificateKind kind) {
        return "certificates." + kind.name() + ".notAfter";
    }

    private static String statusField(CertificateKind kind) {
        return "certificates." + kind.name() + ".status";
    }
}
