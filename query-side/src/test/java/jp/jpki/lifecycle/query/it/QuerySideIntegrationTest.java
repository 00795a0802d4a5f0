package jp.jpki.lifecycle.query.it;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static jp.jpki.lifecycle.query.support.PairEvents.certificate;
import static jp.jpki.lifecycle.query.support.PairEvents.issuanceRequested;
import static jp.jpki.lifecycle.query.support.PairEvents.issued;
import static jp.jpki.lifecycle.query.support.PairEvents.pinLocked;
import static jp.jpki.lifecycle.query.support.PairEvents.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.time.JapanTime;
import jp.jpki.lifecycle.query.ProcessingGroups;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import jp.jpki.lifecycle.query.support.SignedInStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The query side as the standalone launcher runs it: Axon without Axon Server, tracking processors with their
 * tokens in the in-process Mongo-wire server, queries through the real query bus, HTTP through MockMvc.
 */
@SpringBootTest(classes = QuerySideIntegrationTest.Launcher.class, properties = {
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson",
        "axon.serializer.events=jackson",
        "axon.serializer.messages=jackson",
        "spring.data.mongodb.database=jpki-it",
        "jpki.audit.keystore=target/integration-test/audit-signing.p12", "jpki.audit.keystore-password=query-side-integration-test"})
@AutoConfigureMockMvc(addFilters = false)
@ExtendWith(SignedInStaff.class)
class QuerySideIntegrationTest {
    private static final InMemoryMongo MONGO = new InMemoryMongo();
    private static final PairId PAIR = new PairId("pair-it-0001");
    private static final Map<String, Object> CLERK = Map.of(MetadataKeys.OPERATOR, "clerk-7",
            MetadataKeys.OFFICE, "setagaya-main", MetadataKeys.MUNICIPALITY, "131121");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore events;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    SagaStore<?> sagaStore;
    @Autowired
    EventProcessingConfiguration processing;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry properties) {
        properties.add("spring.data.mongodb.uri", MONGO::connectionString);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void events_in_views_out_over_http() throws Exception {
        publish(PAIR, issuanceRequested(PAIR, "req-1", "R-IT-1", "CARD-IT-1", SIGN, AUTH),
                issued(PAIR, "req-1", 200, certificate(SIGN, "5A01", LocalDate.of(2031, 5, 31)),
                        certificate(AUTH, "5A02", LocalDate.of(2031, 11, 14))),
                written(PAIR, "req-1", "5A01", "5A02"),
                pinLocked(PAIR, AUTH));

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.perform(get("/api/certificate-pairs/" + PAIR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastOperation.type").value("PIN_LOCKED")));

        http.perform(get("/api/certificate-pairs/" + PAIR))
                .andExpect(jsonPath("$.certificates.AUTH.status").value("ACTIVE"))
                .andExpect(jsonPath("$.certificates.AUTH.pinLocked").value(true))
                .andExpect(jsonPath("$.certificates.SIGN.renewalWindowOpen").value(true))
                .andExpect(jsonPath("$.lastOperation.officeId").value("setagaya-main"));
        http.perform(get("/api/certificate-pairs").param("cardId", "CARD-IT-1"))
                .andExpect(jsonPath("$[0].pairId").value(PAIR.value()));
        http.perform(get("/api/statistics/expiry-notices").param("month", "2031-02"))
                .andExpect(jsonPath("$[0].pairId").value(PAIR.value()))
                .andExpect(jsonPath("$[0].kind").value("SIGN"));

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.perform(get("/api/statistics")
                        .param("from", "2026-04-01").param("to", "2026-04-01").param("groupBy", "operation"))
                .andExpect(jsonPath("$[0].operation").value("ISSUED"))
                .andExpect(jsonPath("$[0].count").value(2))
                .andExpect(jsonPath("$[0].feeYen").value(200))
                .andExpect(jsonPath("$[1].operation").value("PIN_LOCKED")));
    }

    @Test
    void an_unknown_pair_is_a_404_problem_through_the_query_bus() throws Exception {
        http.perform(get("/api/certificate-pairs/does-not-exist-1"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void tokens_and_sagas_live_in_mongo_beside_the_views() {
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
        assertThat(sagaStore).isInstanceOf(MongoSagaStore.class);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                mongo.getCollection("trackingtokens").distinct("processorName", String.class).into(new ArrayList<>()))
                .contains(ProcessingGroups.COUNTER_VIEW, ProcessingGroups.STATISTICS));
    }

    @Test
    void projection_failures_are_retried_not_skipped() {
        assertThat(processing.listenerInvocationErrorHandler(ProcessingGroups.COUNTER_VIEW))
                .isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.listenerInvocationErrorHandler(ProcessingGroups.STATISTICS))
                .isInstanceOf(PropagatingErrorHandler.class);
    }

    @Test
    void dates_reach_mongo_as_iso_strings_through_spring_boots_template() {
        PairId pair = new PairId("pair-it-0002");
        publish(pair, issuanceRequested(pair, "req-2", "R-IT-2", "CARD-IT-2", AUTH));

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                mongo.getCollection("counter_view").find(new Document("_id", "pair-it-0002")).first())
                .isNotNull().containsEntry("cardExpiry", "2034-11-14"));
    }

    /** Appends to the pair's stream as the aggregate would, with a clerk's metadata. */
    private void publish(PairId pair, Object... payloads) {
        for (Object payload : payloads) {
            long next = events.lastSequenceNumberFor(pair.value()).orElse(-1L) + 1;
            events.publish(new GenericDomainEventMessage<>("CertificatePair", pair.value(), next, payload, CLERK,
                    UUID.randomUUID().toString(), Instant.parse("2026-04-01T01:00:00Z")));
        }
    }

    /** Like the standalone launcher: every query-side configuration, no module's own application class. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "jp.jpki.lifecycle.query",
            excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
    static class Launcher {

        @Bean
        EventStore eventStore() {
            return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        }

        /** 2031-04-01 JST: inside the SIGN renewal window of the pair under test. */
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2031-04-01T00:00:00Z"), JapanTime.ZONE);
        }
    }
}
