package jp.jpki.lifecycle.command.ca;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pki.CrlEntry;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CA's own record of the certificates it issued and of those revoked or held, kept by the CA itself from the
 * event store (the source of truth), never from a read model: a CRL is signed only when it lists exactly what
 * this record lists, and only once the record has read the event store up to its head.
 *
 * <p>The record stores its position in the event store with the statuses, in one transaction per batch; a second
 * command-side instance catching up at the same time fails its position update and rolls back. Statuses are
 * set, never toggled, so an event read twice leaves the same row.
 */
public class CaLedger {

    private static final int BATCH = 500;

    enum Status { GOOD, HELD, REVOKED }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStore events;
    private final Serializer serializer;

    public CaLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EventStore events, Serializer serializer) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.serializer = serializer;
    }

    /**
     * Reads the event store from this record's position up to the head as it is now, for at most {@code patience}.
     *
     * @return whether the record has reached that head
     */
    public synchronized boolean catchUp(Duration patience) {
        long head = position(events.createHeadToken());
        TrackingToken token = token();
        if (position(token) >= head) {
            return true;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(token)) {
            while (position(token) < head && System.nanoTime() < deadline) {
                if (!stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                List<TrackedEventMessage<?>> batch = new java.util.ArrayList<>();
                while (batch.size() < BATCH && stream.hasNextAvailable()) {
                    batch.add(stream.nextAvailable());
                }
                TrackingToken from = token;
                TrackingToken to = batch.get(batch.size() - 1).trackingToken();
                transactions.executeWithoutResult(status -> {
                    batch.forEach(this::apply);
                    savePosition(from, to);
                });
                token = to;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return position(token) >= head;
    }

    /** The revoked and held certificates of one CA, by serial: what its CRL must list. */
    public List<CrlEntry> onCrl(CertificateKind kind) {
        return jdbc.query("SELECT serial_hex, reason, revoked_at FROM ca_certificate WHERE kind = ? AND status <> ? ORDER BY serial_hex",
                (row, n) -> new CrlEntry(row.getString(1), Instant.ofEpochMilli(row.getLong(3)), RevocationReason.valueOf(row.getString(2))),
                kind.name(), Status.GOOD.name());
    }

    /** Whether this CA issued the certificate with this serial, by this record. */
    public boolean issued(CertificateKind kind, String serialHex) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM ca_certificate WHERE kind = ? AND serial_hex = ?",
                Integer.class, kind.name(), normal(serialHex));
        return count != null && count > 0;
    }

    private void apply(TrackedEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type == CertificatesIssued.class) {
            ((CertificatesIssued) event.getPayload()).certificates().forEach(this::issued);
        } else if (type == CertificatesRenewed.class) {
            ((CertificatesRenewed) event.getPayload()).certificates().forEach(this::issued);
        } else if (type == CertificateRevoked.class) {
            CertificateRevoked revoked = (CertificateRevoked) event.getPayload();
            // revocation is final (R-REV-5): it overrides a hold, and nothing overrides it
            set(revoked.kind(), revoked.serialHex(), Status.REVOKED, revoked.reason(), revoked.revokedAt(), Status.REVOKED);
        } else if (type == CertificateHeld.class) {
            CertificateHeld held = (CertificateHeld) event.getPayload();
            set(held.kind(), held.serialHex(), Status.HELD, RevocationReason.CERTIFICATE_HOLD, held.heldAt(), Status.HELD, Status.REVOKED);
        }
    }

    private void issued(IssuedCertificate certificate) {
        if (!issued(certificate.kind(), certificate.serialHex())) {
            jdbc.update("INSERT INTO ca_certificate (kind, serial_hex, status) VALUES (?, ?, ?)",
                    certificate.kind().name(), normal(certificate.serialHex()), Status.GOOD.name());
        }
    }

    private void set(CertificateKind kind, String serialHex, Status status, RevocationReason reason, Instant at, Status... keep) {
        String serial = normal(serialHex);
        if (!issued(kind, serial)) {
            jdbc.update("INSERT INTO ca_certificate (kind, serial_hex, status, reason, revoked_at) VALUES (?, ?, ?, ?, ?)",
                    kind.name(), serial, status.name(), reason.name(), at.toEpochMilli());
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE ca_certificate SET status = ?, reason = ?, revoked_at = ? WHERE kind = ? AND serial_hex = ?");
        List<Object> arguments = new java.util.ArrayList<>(List.of(status.name(), reason.name(), at.toEpochMilli(), kind.name(), serial));
        for (Status unchanged : keep) {
            sql.append(" AND status <> ?");
            arguments.add(unchanged.name());
        }
        jdbc.update(sql.toString(), arguments.toArray());
    }

    private TrackingToken token() {
        List<TrackingToken> tokens = jdbc.query("SELECT token_type, token_revision, token FROM ca_ledger_position WHERE id = 1",
                (row, n) -> row.getString(1) == null ? null : serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(3),
                        byte[].class, new SimpleSerializedType(row.getString(1), row.getString(2)))));
        return tokens.isEmpty() ? null : tokens.get(0);
    }

    private void savePosition(TrackingToken from, TrackingToken to) {
        SerializedObject<byte[]> serialized = serializer.serialize(to, byte[].class);
        int updated = from == null
                ? jdbc.update("INSERT INTO ca_ledger_position (id, position, token_type, token_revision, token) VALUES (1, ?, ?, ?, ?)",
                        position(to), serialized.getType().getName(), serialized.getType().getRevision(), serialized.getData())
                : jdbc.update("UPDATE ca_ledger_position SET position = ?, token_type = ?, token_revision = ?, token = ? "
                                + "WHERE id = 1 AND position = ?", position(to), serialized.getType().getName(),
                        serialized.getType().getRevision(), serialized.getData(), position(from));
        if (updated != 1) {
            throw new IllegalStateException("another instance moved the CA's ledger on; this batch is rolled back");
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    static String normal(String serialHex) {
        return serialHex.toLowerCase(java.util.Locale.ROOT);
    }
}
