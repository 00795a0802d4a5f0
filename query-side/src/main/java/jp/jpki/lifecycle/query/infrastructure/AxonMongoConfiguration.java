package jp.jpki.lifecycle.query.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Axon's tracking tokens and saga state in the same MongoDB database as the read models (axon-mongo). Each bean
 * backs off when an application declares its own, and Axon's JDBC/JPA token and saga stores back off for these.
 * <p>
 * No Mongo transaction manager: the embedded Mongo-wire server has no transactions and a replica set is not
 * assumed, so the stores run with {@link NoTransactionManager}, token updates are not atomic with projection
 * writes, and every projection guards itself against redelivery (at-least-once).
 * <p>
 * Serialization is the application's general Axon serializer; the query side's own launcher and the standalone
 * one set it to Jackson, which also avoids XStream's known trouble with the Mongo saga store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MongoClient.class)
public class AxonMongoConfiguration {

    /** Built on Spring Data's database factory, so tokens and sagas land in the database the projections use. */
    @Bean
    @ConditionalOnMissingBean(MongoTemplate.class)
    MongoTemplate axonMongoTemplate(MongoDatabaseFactory databases) {
        return DefaultMongoTemplate.builder().mongoDatabase(databases.getMongoDatabase()).build();
    }

    /** {@code ensureIndexes} creates the unique (processorName, segment) index that makes a segment claim exclusive. */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, @Qualifier("serializer") Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .transactionManager(NoTransactionManager.instance())
                .ensureIndexes(true)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(SagaStore.class)
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, @Qualifier("serializer") Serializer serializer) {
        ensureSagaIndexes(axonMongoTemplate.sagaCollection());
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .transactionManager(NoTransactionManager.instance())
                .build();
    }

    /**
     * The saga store creates no indexes itself. It loads by {@code sagaIdentifier} and finds sagas with
     * {@code {sagaType, associations: {key, value}}}, which a (sagaType, associations) index serves.
     */
    static void ensureSagaIndexes(MongoCollection<Document> sagas) {
        sagas.createIndex(Indexes.ascending("sagaIdentifier"), new IndexOptions().name("sagaIdentifier").unique(true));
        sagas.createIndex(Indexes.ascending("sagaType", "associations"), new IndexOptions().name("sagaType_associations"));
    }
}
