package jp.jpki.lifecycle.bench.history;

import java.time.Instant;

/** One row of the event table as Axon's JDBC storage engine writes it, payload and metadata already serialized. */
record StoredEvent(Instant timestamp, String eventId, String aggregateId, long sequence, String type,
                   String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
}
