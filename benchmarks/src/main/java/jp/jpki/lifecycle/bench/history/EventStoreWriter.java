package jp.jpki.lifecycle.bench.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Writes events into the standalone app's event database ({@code <data-dir>/events/jpki}) as Axon's JDBC storage
 * engine does: the schema the app creates, a Jackson serializer configured as Spring Boot configures the app's
 * (ISO dates, no nulls), timestamps formatted by Axon, one transaction of one JDBC batch insert per call.
 */
final class EventStoreWriter implements AutoCloseable {

    private static final String INSERT = "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, "
            + "type, timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL)
                    .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .build();
    private final SingleConnectionDataSource database;

    EventStoreWriter(Path dataDir) {
        // a large cache: inserts in time order land at random places of the two unique indexes (event id, pair and sequence)
        database = new SingleConnectionDataSource("jdbc:h2:file:" + dataDir.resolve("events/jpki").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=1048576", "jpki", "", true);
        new ResourceDatabasePopulator(new ClassPathResource("db/embedded-schema.sql")).execute(database);
    }

    /** The event as the storage engine would store it. */
    StoredEvent stored(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        return new StoredEvent(event.getTimestamp(), event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getType(), payload.getType().getName(), payload.getType().getRevision(),
                payload.getData(), event.serializeMetaData(serializer, byte[].class).getData());
    }

    void append(List<StoredEvent> events) {
        try {
            Connection connection = database.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (StoredEvent event : events) {
                    insert.setString(1, event.eventId());
                    insert.setString(2, event.aggregateId());
                    insert.setLong(3, event.sequence());
                    insert.setString(4, event.type());
                    insert.setString(5, DateTimeUtils.formatInstant(event.timestamp()));
                    insert.setString(6, event.payloadType());
                    insert.setString(7, event.payloadRevision());
                    insert.setBytes(8, event.payload());
                    insert.setBytes(9, event.metaData());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not append " + events.size() + " events", e);
        }
    }

    @Override
    public void close() {
        database.destroy();
    }
}
