package jp.jpki.lifecycle.api.audit;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An auditor read a pair's history (its entries, its state at an instant, or a signed export), and said why. Kept
 * in the event store, in a stream of its own ({@link #LOG}), so the reads are part of the audit hash chain and
 * outlive any read store.
 */
@Revision("1")
public record AuditHistoryRead(String reader, String reason, String pairId, String what, Instant at) {

    /** The stream of the read log: not a valid pair id ('.' is outside its alphabet), so no pair can ever share it. */
    public static final String LOG = "audit.read-log";
}
