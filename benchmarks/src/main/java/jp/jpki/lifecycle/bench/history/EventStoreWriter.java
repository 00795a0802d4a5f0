package jp.jpki.lifecycle.bench.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Axon's JDBC storage engine on the standalone app's event database ({@code <data-dir>/events/jpki}), with the
 * schema the app creates and a Jackson serializer configured as Spring Boot configures the app's: ISO dates,
 * no nulls. One connection; each batch is one transaction of one JDBC batch insert.
 */
final class EventStoreWriter implements AutoCloseable {

    private final SingleConnectionDataSource database;
    private final JdbcEventStorageEngine engine;
    private final SpringTransactionManager transactions;

    EventStoreWriter(Path dataDir) {
        database = new SingleConnectionDataSource("jdbc:h2:file:" + dataDir.resolve("events/jpki").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "jpki", "", true);
        new ResourceDatabasePopulator(new ClassPathResource("db/embedded-schema.sql")).execute(database);
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL)
                        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
                .build();
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(database));
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(database))
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    void append(List<? extends EventMessage<?>> events) {
        engine.appendEvents(events);
    }

    @Override
    public void close() {
        database.destroy();
    }
}
