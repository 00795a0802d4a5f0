package jp.jpki.lifecycle.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.jpki.lifecycle.audit.verify.AuditChain;
import jp.jpki.lifecycle.audit.verify.CanonicalJson;
import jp.jpki.lifecycle.query.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Every event of every pair, in order, with who/where/when/how and a hash that chains it to the one before
 * (see {@link AuditChain}). An entry is written once: a redelivered event finds its entry and leaves it.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
class AuditTrailProjection {

    private final AuditTrailStore store;
    private final ObjectMapper json;

    AuditTrailProjection(AuditTrailStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        String pairId = event.getAggregateIdentifier();
        long seq = event.getSequenceNumber();
        store.append(pairId, seq, previous -> entry(payload, event, previous));
    }

    private AuditEntryDocument entry(Object payload, DomainEventMessage<?> event, String previous) {
        String pairId = event.getAggregateIdentifier();
        long seq = event.getSequenceNumber();
        ObjectNode canonical = CanonicalJson.mapper().createObjectNode();
        canonical.put("seq", seq);
        canonical.put("eventId", event.getIdentifier());
        canonical.put("type", payload.getClass().getSimpleName());
        canonical.put("timestamp", event.getTimestamp().toString());
        canonical.set("metadata", json.valueToTree(event.getMetaData()));
        canonical.set("payload", json.valueToTree(payload));
        AuditEntryDocument entry = new AuditEntryDocument();
        entry.id = AuditEntryDocument.id(pairId, seq);
        entry.pairId = pairId;
        entry.seq = seq;
        entry.type = payload.getClass().getSimpleName();
        entry.timestamp = event.getTimestamp();
        entry.canonical = CanonicalJson.of(canonical);
        entry.hash = AuditChain.next(previous, entry.canonical);
        return entry;
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
