package jp.jpki.lifecycle.query.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reading a history is itself recorded: who read which pair's history, what, when and why. */
@Component
class AuditReadLog {

    @Document("audit_reads")
    record AuditRead(@Id String id, String reader, String reason, Instant at, String pairId, String what) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditReadLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void record(String reader, String reason, String pairId, String what) {
        mongo.insert(new AuditRead(java.util.UUID.randomUUID().toString(), reader, reason, clock.instant(), pairId, what));
    }

    List<AuditRead> reads(String pairId) {
        Query query = pairId == null ? new Query() : Query.query(Criteria.where("pairId").is(pairId));
        return mongo.find(query.with(Sort.by("at")), AuditRead.class);
    }
}
