package jp.jpki.lifecycle.standalone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * The H2 event store of the embedded default: Axon's JDBC engine exactly as its auto-configuration builds it, except
 * for one query. While commands commit concurrently, the tracking token of the read models has gaps (positions
 * handed out but not yet committed), and Axon then reads {@code WHERE (i > ? AND i <= ?) OR i IN (gaps)}, which H2
 * cannot answer from the primary key: every poll scanned the whole table, a cost that grows with the store. The same rows as a {@code UNION ALL} of the range and the gaps
 * are two primary-key lookups; the two parts cannot overlap, since every gap lies at or below the token's position.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EmbeddedEventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer, Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema()) // Axon's default schema (its auto-configuration backs off with this bean)
                .readEventDataWithGaps(EmbeddedEventStoreConfiguration::readEventDataWithGaps)
                .build();
    }

    static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                   int batchSize, List<Long> gaps) throws SQLException {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String index = schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement(
                select + index + " > ? AND " + index + " <= ? UNION ALL "
                        + select + index + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")"
                        + " ORDER BY " + index + " ASC");
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(3 + i, gaps.get(i));
        }
        return statement;
    }
}
