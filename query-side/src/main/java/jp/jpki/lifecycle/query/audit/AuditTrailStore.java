package jp.jpki.lifecycle.query.audit;

import java.util.List;
import java.util.Optional;
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

    Optional<AuditEntryDocument> entry(String pairId, long seq) {
        return Optional.ofNullable(mongo.findById(AuditEntryDocument.id(pairId, seq), AuditEntryDocument.class));
    }

    void append(AuditEntryDocument entry) {
        mongo.insert(entry);
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
