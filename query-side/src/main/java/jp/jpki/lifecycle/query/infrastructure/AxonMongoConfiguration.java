package jp.jpki.lifecycle.query.infrastructure;

import com.mongodb.client.MongoClient;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracking tokens and saga state in MongoDB, beside the projections. The embedded Mongo-wire server has no
 * transactions, so processing is at-least-once and every projection guards itself against redelivery.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMongoConfiguration {

    @Bean
    org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate(MongoClient client,
                                                                       @Value("${spring.data.mongodb.database:jpki}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    @Bean
    TokenStore tokenStore(org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate, Serializer serializer) {
        MongoTokenStore store = MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
        store.ensureIndexes();
        return store;
    }

    @Bean
    SagaStore<Object> sagaStore(org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate,
                                @Qualifier("serializer") Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }
}
