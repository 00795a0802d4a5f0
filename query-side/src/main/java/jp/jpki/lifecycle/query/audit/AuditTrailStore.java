package jp.jpki.lifecycle.query.audit;

import java.util.List;
import java.util.function.Function;
import jp.jpki.lifecycle.audit.verify.AuditChain;
import jp.jpki.lifecycle.query.infrastructure.ProjectionBatch;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The audit chain in MongoDB, read by ranges of the ordered id so a pair's history is one index scan. */
@Component
class AuditTrailStore {

    private final MongoTemplate mongo;

    AuditTrailStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Appends the entry of a pair's event, made from the hash of the entry before it, unless the event has its
     * entry already (at-least-once delivery). Entries are written per batch of events ({@link AuditTrailBatch}).
     */
    void append(String pairId, long seq, Function<String, AuditEntryDocument> entryAfter) {
        ProjectionBatch.apply(AuditTrailBatch.class, events -> new AuditTrailBatch(mongo, events), batch -> {
            if (batch.hash(pairId, seq).isPresent()) {
                return;
            }
            String previous = seq == 0 ? AuditChain.GENESIS : batch.hash(pairId, seq - 1)
                    .orElseThrow(() -> new IllegalStateException("audit chain of " + pairId + " misses entry " + (seq - 1)));
            batch.append(entryAfter.apply(previous));
        });
    }

    List<AuditEntryDocument> history(String pairId) {
        // ':' sorts just below ';', so [pairId + ":", pairId + ";") holds exactly this pair's ids.
        return mongo.find(Query.query(Criteria.where("_id").gte(pairId + ":").lt(pairId + ";"))
                .with(Sort.by("_id")), AuditEntryDocument.class);
    }

    void clear() {
        mongo.dropCollection(AuditEntryDocument.class);
    }
}
