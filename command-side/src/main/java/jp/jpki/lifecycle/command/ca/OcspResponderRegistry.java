package jp.jpki.lifecycle.command.ca;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one OCSP responder key each CA certifies at a time: registering a new key (with proof of possession)
 * replaces the one before, and the CA certifies only the registered key, for the responder that registered it.
 */
class OcspResponderRegistry {

    record Registration(String responderId, String keySha256, Instant registeredAt) {
    }

    private final JdbcTemplate jdbc;

    OcspResponderRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Registration> current(CertificateKind kind) {
        List<Registration> registrations = jdbc.query("SELECT responder_id, key_sha256, registered_at FROM ca_ocsp_responder WHERE kind = ?",
                (row, n) -> new Registration(row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3))), kind.name());
        return registrations.stream().findFirst();
    }

    void register(CertificateKind kind, Registration registration) {
        Object[] values = {registration.responderId(), registration.keySha256(), registration.registeredAt().toEpochMilli(), kind.name()};
        if (jdbc.update("UPDATE ca_ocsp_responder SET responder_id = ?, key_sha256 = ?, registered_at = ? WHERE kind = ?", values) == 0) {
            jdbc.update("INSERT INTO ca_ocsp_responder (responder_id, key_sha256, registered_at, kind) VALUES (?, ?, ?, ?)", values);
        }
    }
}
