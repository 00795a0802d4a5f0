package jp.jpki.lifecycle.query.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** The axon-mongo stores against the embedded Mongo-wire server, which has no transactions. */
class AxonMongoConfigurationTest {
    private final AxonMongoConfiguration configuration = new AxonMongoConfiguration();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private InMemoryMongo mongo;
    private MongoTemplate axonMongo;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        axonMongo = configuration.axonMongoTemplate(new SimpleMongoClientDatabaseFactory(mongo.client(), "jpki-test"));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void tokens_are_stored_claimed_and_read_back() {
        TokenStore tokens = configuration.tokenStore(axonMongo, serializer);
        tokens.initializeTokenSegments("counter-view", 2);

        tokens.fetchToken("counter-view", 0);
        tokens.storeToken(new GlobalSequenceTrackingToken(42), "counter-view", 0);

        assertThat(tokens.fetchToken("counter-view", 0)).isEqualTo(new GlobalSequenceTrackingToken(42));
        assertThat(tokens.fetchSegments("counter-view")).containsExactly(0, 1);
        assertThat(tokens).isInstanceOf(MongoTokenStore.class);
    }

    @Test
    void a_claimed_segment_is_not_handed_to_another_node() {
        configuration.tokenStore(axonMongo, serializer).initializeTokenSegments("statistics", 1);
        MongoTokenStore nodeA = MongoTokenStore.builder().mongoTemplate(axonMongo).serializer(serializer).nodeId("a").build();
        MongoTokenStore nodeB = MongoTokenStore.builder().mongoTemplate(axonMongo).serializer(serializer).nodeId("b").build();

        nodeA.fetchToken("statistics", 0);

        assertThatThrownBy(() -> nodeB.fetchToken("statistics", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void the_token_collection_has_its_unique_processor_segment_index() {
        configuration.tokenStore(axonMongo, serializer);

        assertThat(indexes(axonMongo.trackingTokensCollection().listIndexes()))
                .anySatisfy(index -> assertThat(index).containsEntry("key", new Document("processorName", 1).append("segment", 1))
                        .containsEntry("unique", true));
    }

    @Test
    void sagas_are_stored_and_found_by_association() {
        SagaStore<Object> sagas = configuration.sagaStore(axonMongo, serializer);
        AssociationValue request = new AssociationValue("requestId", "req-1");

        sagas.insertSaga(SampleSaga.class, "saga-1", new SampleSaga("req-1", 2), Set.of(request));

        assertThat(sagas.findSagas(SampleSaga.class, request)).containsExactly("saga-1");
        assertThat(sagas.findSagas(SampleSaga.class, new AssociationValue("requestId", "req-2"))).isEmpty();
        assertThat(sagas.loadSaga(SampleSaga.class, "saga-1").saga()).isEqualTo(new SampleSaga("req-1", 2));

        sagas.deleteSaga(SampleSaga.class, "saga-1", Set.of(request));
        assertThat(sagas.findSagas(SampleSaga.class, request)).isEmpty();
    }

    @Test
    void the_saga_collection_is_indexed_for_load_and_association_lookups() {
        configuration.sagaStore(axonMongo, serializer);

        assertThat(indexes(axonMongo.sagaCollection().listIndexes())).extracting(index -> index.getString("name"))
                .contains("sagaIdentifier", "sagaType_associations");
    }

    @Test
    void an_updated_saga_keeps_its_associations() {
        SagaStore<Object> sagas = configuration.sagaStore(axonMongo, serializer);
        AssociationValue request = new AssociationValue("requestId", "req-1");
        sagas.insertSaga(SampleSaga.class, "saga-1", new SampleSaga("req-1", 1), Set.of(request));

        AssociationValuesImpl associations = new AssociationValuesImpl(Set.of(request));
        sagas.updateSaga(SampleSaga.class, "saga-1", new SampleSaga("req-1", 3), associations);

        assertThat(sagas.loadSaga(SampleSaga.class, "saga-1").saga()).isEqualTo(new SampleSaga("req-1", 3));
        assertThat(sagas.findSagas(SampleSaga.class, request)).containsExactly("saga-1");
    }

    private static List<Document> indexes(Iterable<Document> listed) {
        List<Document> indexes = new ArrayList<>();
        listed.forEach(indexes::add);
        return indexes;
    }

    /** Stands in for a real saga: the store only serializes it. */
    record SampleSaga(String requestId, int attempts) {
    }
}
