package jp.jpki.lifecycle.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.jpki.lifecycle.api.audit.AuditHistoryRead;
import jp.jpki.lifecycle.audit.verify.CanonicalJson;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reading a history is itself recorded, before it is answered: who read which pair's history, what, when and why.
 * Each read is an {@link AuditHistoryRead} event appended to the event store in the read log's own stream, so the
 * audit trail chains it like any pair's history (tamper-evident, exportable and verifiable offline) and a lost read
 * store is rebuilt with it. The log is read back from that chain.
 */
@Component
class AuditReadLog {

    private static final Logger log = LoggerFactory.getLogger(AuditReadLog.class);
    /** Another query-side instance may append the same sequence number at the same moment; the store refuses one. */
    private static final int ATTEMPTS = 5;

    record AuditRead(long seq, String reader, String reason, Instant at, String pairId, String what, String hash) {
    }

    private final EventStore events;
    private final AuditTrailStore trail;
    private final Clock clock;

    AuditReadLog(EventStore events, AuditTrailStore trail, Clock clock) {
        this.events = events;
        this.trail = trail;
        this.clock = clock;
    }

    synchronized void record(String reader, String reason, String pairId, String what) {
        AuditHistoryRead read = new AuditHistoryRead(reader, reason, pairId, what, clock.instant());
        for (int attempt = 1; ; attempt++) {
            long next = events.lastSequenceNumberFor(AuditHistoryRead.LOG).map(last -> last + 1).orElse(0L);
            try {
                events.publish(new GenericDomainEventMessage<>("AuditReadLog", AuditHistoryRead.LOG, next, read));
                return;
            } catch (RuntimeException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
                log.debug("read log entry {} taken by another instance; appending after it", next);
            }
        }
    }

    /** The reads in the chain so far (the audit trail reads the event store within moments), of one pair or all. */
    List<AuditRead> reads(String pairId) {
        return trail.history(AuditHistoryRead.LOG).stream().map(entry -> {
            JsonNode payload = CanonicalJson.parse(entry.canonical).path("payload");
            return new AuditRead(entry.seq, payload.path("reader").asText(), payload.path("reason").asText(), entry.timestamp,
                    payload.path("pairId").asText(), payload.path("what").asText(), entry.hash);
        }).filter(read -> pairId == null || pairId.equals(read.pairId())).toList();
    }
}
