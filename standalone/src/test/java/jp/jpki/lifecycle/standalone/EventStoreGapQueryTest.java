package jp.jpki.lifecycle.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded store's read of a token with gaps returns what Axon's own query returns, from the primary key. */
class EventStoreGapQueryTest {

    private final EventSchema schema = EventSchema.builder().build();
    private Connection h2;

    @BeforeEach
    void store() throws SQLException {
        h2 = DriverManager.getConnection("jdbc:h2:mem:gaps");
        try (var create = h2.createStatement()) {
            create.execute("RUNSCRIPT FROM 'classpath:db/embedded-schema.sql'");
        }
        try (var insert = h2.prepareStatement("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, aggregateIdentifier, "
                + "sequenceNumber, type, timeStamp, payloadType, payload) VALUES (?, ?, 'pair', ?, 'CertificatePair', "
                + "'2026-12-03T00:00:00Z', 'E', X'7b7d')")) {
            for (long i = 1; i <= 40; i++) {
                if (i == 12 || i == 17) {
                    continue; // never committed: the gaps stay gaps
                }
                insert.setLong(1, i);
                insert.setString(2, "event-" + i);
                insert.setLong(3, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterEach
    void close() throws SQLException {
        h2.close();
    }

    @Test
    void returns_the_same_rows_in_the_same_order_as_axons_query() throws SQLException {
        List<Long> gaps = List.of(5L, 12L, 17L, 19L);

        List<Long> ours = indexes(EmbeddedEventStoreConfiguration.readEventDataWithGaps(h2, schema, 20, 10, gaps));
        List<Long> axons = indexes(JdbcEventStorageEngineStatements.readEventDataWithGaps(h2, schema, 20, 10, gaps));

        assertThat(ours).isEqualTo(axons).containsExactly(5L, 19L, 21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L);
    }

    @Test
    void reads_both_parts_from_the_primary_key_where_axons_query_scans_the_table() throws SQLException {
        List<Long> gaps = List.of(5L, 12L);

        assertThat(indexConditions(EmbeddedEventStoreConfiguration.readEventDataWithGaps(h2, schema, 20, 10, gaps))).isEqualTo(2);
        assertThat(indexConditions(JdbcEventStorageEngineStatements.readEventDataWithGaps(h2, schema, 20, 10, gaps))).isZero();
    }

    /** How many table accesses of the statement's plan are bounded by a primary-key condition. */
    private int indexConditions(PreparedStatement statement) throws SQLException {
        try (statement) {
            String sql = statement.toString();
            String plan = plan(sql.substring(sql.indexOf("SELECT"), sql.indexOf(" {")).replace("?", "1"));
            return plan.split("PRIMARY_KEY_[A-Z0-9]+: GLOBALINDEX", -1).length - 1;
        }
    }

    private String plan(String select) throws SQLException {
        try (var explain = h2.createStatement(); ResultSet rows = explain.executeQuery("EXPLAIN " + select)) {
            rows.next();
            return rows.getString(1).replace("\"", "");
        }
    }

    private static List<Long> indexes(PreparedStatement statement) throws SQLException {
        List<Long> result = new ArrayList<>();
        try (statement; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(rows.getLong("globalIndex"));
            }
        }
        return result;
    }
}
