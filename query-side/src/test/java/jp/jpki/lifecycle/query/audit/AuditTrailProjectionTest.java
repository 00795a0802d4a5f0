package jp.jpki.lifecycle.query.audit;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static jp.jpki.lifecycle.query.support.PairEvents.certificate;
import static jp.jpki.lifecycle.query.support.PairEvents.issuanceRequested;
import static jp.jpki.lifecycle.query.support.PairEvents.issued;
import static jp.jpki.lifecycle.query.support.PairEvents.pinLocked;
import static jp.jpki.lifecycle.query.support.PairEvents.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.audit.verify.AuditChain;
import jp.jpki.lifecycle.audit.verify.CanonicalJson;
import jp.jpki.lifecycle.query.support.EventFeed;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTrailProjectionTest {
    private static final PairId PAIR = new PairId("pair-0001");
    private static final PairId OTHER = new PairId("pair-0002");
    private static final LocalDate NOT_AFTER = LocalDate.of(2031, 5, 31);

    private InMemoryMongo mongo;
    private AuditTrailStore store;
    private AuditTrailProjection projection;
    private EventFeed events;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        store = new AuditTrailStore(mongo.template());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        projection = new AuditTrailProjection(store, json);
        events = new EventFeed(projection);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void entries_written_in_one_batch_chain_as_entries_written_one_by_one() {
        events.inOneBatch(() -> {
            feedIssuance(PAIR, "R-000001");
            feedIssuance(OTHER, "R-000002");
            events.feed(PAIR, pinLocked(PAIR, SIGN));
        });
        List<AuditEntryDocument> batched = store.history(PAIR.value());

        projection.reset();
        events.redeliverAll();

        assertThat(store.history(PAIR.value())).extracting(entry -> entry.hash)
                .containsExactlyElementsOf(batched.stream().map(entry -> entry.hash).toList());
        assertThat(batched).hasSize(4);
        assertChained(batched);
        assertChained(store.history(OTHER.value()));
    }

    @Test
    void a_batch_continues_the_chain_written_before_it_and_a_redelivered_batch_adds_nothing() {
        feedIssuance(PAIR, "R-000001");
        List<DomainEventMessage<?>> lock = new ArrayList<>();
        events.inOneBatch(() -> lock.add(events.feed(PAIR, pinLocked(PAIR, AUTH))));

        events.redeliverInOneBatch(lock);
        events.redeliverAll();

        List<AuditEntryDocument> history = store.history(PAIR.value());
        assertThat(history).extracting(entry -> entry.seq).containsExactly(0L, 1L, 2L, 3L);
        assertChained(history);
    }

    @Test
    void the_canonical_form_of_a_set_does_not_depend_on_the_order_it_was_read_in() {
        PairId third = new PairId("pair-0003");
        events.feed(PAIR, withKinds(PAIR, SIGN, AUTH));
        events.feed(third, withKinds(third, AUTH, SIGN));

        assertThat(kindsOf(third)).isEqualTo(kindsOf(PAIR));
    }

    private static IssuanceRequested withKinds(PairId pair, CertificateKind... inReadingOrder) {
        IssuanceRequested e = issuanceRequested(pair, "req-1", "R-000001", "CARD-1", SIGN, AUTH);
        return new IssuanceRequested(pair, e.requestId(), e.holder(), e.card(), e.cardExpiry(),
                new LinkedHashSet<>(List.of(inReadingOrder)), e.applicant(), e.terminalId(), e.feeYen(),
                e.eligibilityOverrideReason());
    }

    private JsonNode kindsOf(PairId pair) {
        return CanonicalJson.parse(store.history(pair.value()).get(0).canonical).path("payload").path("kinds");
    }

    private void feedIssuance(PairId pair, String residentRef) {
        events.feed(pair, issuanceRequested(pair, "req-1", residentRef, "CARD-" + residentRef, SIGN, AUTH),
                issued(pair, "req-1", 0, certificate(SIGN, pair.value() + "a", NOT_AFTER)),
                written(pair, "req-1", pair.value() + "a"));
    }

    private static void assertChained(List<AuditEntryDocument> history) {
        String previous = AuditChain.GENESIS;
        for (AuditEntryDocument entry : history) {
            assertThat(entry.hash).isEqualTo(AuditChain.next(previous, entry.canonical));
            previous = entry.hash;
        }
    }
}
