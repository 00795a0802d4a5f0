package jp.jpki.lifecycle.standalone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * The embedded event store, with appends taking turns: each transaction that appends events first locks one row
 * and holds it until it commits. Global indexes are handed out at insert time, so two overlapping appends could
 * otherwise commit out of index order; a tracking processor then sees a gap, and an event that fills it late can
 * be missed (a projection skipped an acknowledged issuance after a crash test). One writer at a time is what the
 * H2 file does anyway; the lock costs no throughput worth having and leaves gaps only where a transaction died.
 */
final class SerializedAppendsEventStorageEngine extends JdbcEventStorageEngine {

    private static final String TAKE_TURN = "SELECT id FROM event_append_lock WHERE id = 1 FOR UPDATE";

    SerializedAppendsEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        try (PreparedStatement turn = connection.prepareStatement(TAKE_TURN)) {
            turn.executeQuery().close();
        }
        return super.appendEvents(connection, events, serializer);
    }
}
