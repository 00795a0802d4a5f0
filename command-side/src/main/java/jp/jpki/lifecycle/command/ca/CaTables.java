package jp.jpki.lifecycle.command.ca;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CA's own tables in the command side's database (H2 embedded, PostgreSQL distributed), created at start:
 * the certificates it issued with their revocation status, how far into the event store that record is, the CRL
 * numbers and last CRL of each CA, and the registered OCSP responder key of each CA. Nothing here is read from a
 * read model.
 */
final class CaTables {

    private CaTables() {
    }

    static JdbcTemplate create(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // H2's largest VARBINARY rather than BLOB: BLOB is unknown in H2's PostgreSQL mode, and a CRL stays far below it
        String binary = isPostgres(dataSource) ? "BYTEA" : "VARBINARY(1000000000)";
        jdbc.execute("CREATE TABLE IF NOT EXISTS ca_certificate (kind VARCHAR(8) NOT NULL, serial_hex VARCHAR(64) NOT NULL, "
                + "status VARCHAR(8) NOT NULL, reason VARCHAR(32), revoked_at BIGINT, PRIMARY KEY (kind, serial_hex))");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ca_certificate_listed ON ca_certificate (kind, status)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS ca_ledger_position (id INT PRIMARY KEY, position BIGINT NOT NULL, "
                + "token_type VARCHAR(255), token_revision VARCHAR(64), token " + binary + ")");
        jdbc.execute("CREATE TABLE IF NOT EXISTS ca_crl (kind VARCHAR(8) PRIMARY KEY, crl_number BIGINT NOT NULL, "
                + "next_update BIGINT, der " + binary + ")");
        jdbc.execute("CREATE TABLE IF NOT EXISTS ca_ocsp_responder (kind VARCHAR(8) PRIMARY KEY, responder_id VARCHAR(64) NOT NULL, "
                + "key_sha256 VARCHAR(64) NOT NULL, registered_at BIGINT NOT NULL)");
        return jdbc;
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the command side's database for the CA's tables", e);
        }
    }
}
