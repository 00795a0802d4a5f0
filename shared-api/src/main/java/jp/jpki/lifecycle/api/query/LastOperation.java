package jp.jpki.lifecycle.api.query;

import java.time.Instant;

/**
 * The latest event applied to a pair and who caused it.
 *
 * @param operatorId null for events the system raised itself (deadlines)
 * @param officeId   null for events the system raised itself (deadlines)
 */
public record LastOperation(PairOperation type, Instant at, String operatorId, String officeId) {
}
