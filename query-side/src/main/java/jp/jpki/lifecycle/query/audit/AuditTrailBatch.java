package jp.jpki.lifecycle.query.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.jpki.lifecycle.query.infrastructure.ProjectionBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The audit entries of one batch of events: the entries the batch could find already written and the one each
 * pair's chain continues from are read in one query, and the new entries are inserted together, in order.
 */
final class AuditTrailBatch implements ProjectionBatch.Pending {
    private final MongoTemplate mongo;
    /** Entry id → hash, for the entries read and the entries this batch appended. */
    private final Map<String, String> hashes = new HashMap<>();
    private final List<AuditEntryDocument> appended = new ArrayList<>();

    AuditTrailBatch(MongoTemplate mongo, List<? extends EventMessage<?>> events) {
        this.mongo = mongo;
        Set<String> ids = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                ids.add(AuditEntryDocument.id(domain.getAggregateIdentifier(), domain.getSequenceNumber()));
                if (domain.getSequenceNumber() > 0) {
                    ids.add(AuditEntryDocument.id(domain.getAggregateIdentifier(), domain.getSequenceNumber() - 1));
                }
            }
        }
        if (!ids.isEmpty()) {
            Query query = Query.query(Criteria.where("_id").in(ids));
            query.fields().include("hash");
            mongo.find(query, AuditEntryDocument.class).forEach(entry -> hashes.put(entry.id, entry.hash));
            ids.forEach(id -> hashes.putIfAbsent(id, null));
        }
    }

    /** The hash of a pair's entry, if it is written or appended in this batch. */
    Optional<String> hash(String pairId, long seq) {
        String id = AuditEntryDocument.id(pairId, seq);
        if (!hashes.containsKey(id)) {
            AuditEntryDocument entry = mongo.findById(id, AuditEntryDocument.class);
            hashes.put(id, entry == null ? null : entry.hash);
        }
        return Optional.ofNullable(hashes.get(id));
    }

    void append(AuditEntryDocument entry) {
        appended.add(entry);
        hashes.put(entry.id, entry.hash);
    }

    @Override
    public void flush() {
        if (!appended.isEmpty()) {
            mongo.insert(appended, AuditEntryDocument.class);
        }
    }
}
