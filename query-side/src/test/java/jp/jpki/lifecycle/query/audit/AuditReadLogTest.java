package jp.jpki.lifecycle.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import jp.jpki.lifecycle.api.audit.AuditHistoryRead;
import jp.jpki.lifecycle.audit.verify.AuditChain;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The auditors' read log is in the event store and in the audit hash chain, so it is tamper-evident and outlives a read store. */
class AuditReadLogTest {

    private static final Instant AT = Instant.parse("2027-06-01T01:00:00Z");

    private InMemoryMongo mongo;
    private EmbeddedEventStore events;
    private AuditTrailStore trail;
    private AuditTrailProjection projection;
    private AuditReadLog reads;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        trail = new AuditTrailStore(mongo.template());
        projection = new AuditTrailProjection(trail, new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
        reads = new AuditReadLog(events, trail, Clock.fixed(AT, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        events.shutDown();
        mongo.close();
    }

    @Test
    @DisplayName("R-KEY-3: every read is an event of the read log's own stream, chained by the audit trail like a pair's history")
    void reads_join_the_hash_chain() {
        reads.record("auditor", "annual inspection", "pair-0001", "history");
        reads.record("auditor", "handover", "pair-0002", "signed export");
        project();

        List<AuditReadLog.AuditRead> all = reads.reads(null);
        assertThat(all).extracting(AuditReadLog.AuditRead::seq).containsExactly(0L, 1L);
        assertThat(all).extracting(AuditReadLog.AuditRead::reason).containsExactly("annual inspection", "handover");
        assertThat(reads.reads("pair-0002")).singleElement().satisfies(read -> {
            assertThat(read.reader()).isEqualTo("auditor");
            assertThat(read.what()).isEqualTo("signed export");
        });
        List<AuditEntryDocument> chain = trail.history(AuditHistoryRead.LOG);
        assertThat(chain.get(0).hash).isEqualTo(AuditChain.next(AuditChain.GENESIS, chain.get(0).canonical));
        assertThat(chain.get(1).hash).isEqualTo(AuditChain.next(chain.get(0).hash, chain.get(1).canonical));
    }

    @Test
    @DisplayName("R-KEY-3: a read store lost and rebuilt from the event store has the read log again, with the same hashes")
    void the_read_log_survives_a_lost_read_store() {
        reads.record("auditor", "annual inspection", "pair-0001", "history");
        project();
        String hash = reads.reads(null).get(0).hash();

        trail.clear();
        assertThat(reads.reads(null)).isEmpty();
        project();

        assertThat(reads.reads(null)).singleElement().satisfies(read -> assertThat(read.hash()).isEqualTo(hash));
    }

    private void project() {
        events.readEvents(AuditHistoryRead.LOG).asStream().forEach(event -> projection.on(event.getPayload(), (DomainEventMessage<?>) event));
    }
}
