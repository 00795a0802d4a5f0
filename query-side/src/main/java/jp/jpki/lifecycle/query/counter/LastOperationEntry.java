package jp.jpki.lifecycle.query.counter;

import java.time.Instant;
import jp.jpki.lifecycle.api.query.PairOperation;

/** The event last applied to a pair and who caused it (from the event's metadata). */
record LastOperationEntry(PairOperation type, Instant at, String operatorId, String officeId) {
}
