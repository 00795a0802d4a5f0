package jp.jpki.lifecycle.api.issuance;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One step of card work failed.
 *
 * @param step    which step (e.g. GENERATE_KEYS, WRITE_CERTIFICATES, RESET_PIN)
 * @param attempt 1-based attempt number
 * @param reason  a technical reason without personal data
 */
public record RecordCardWorkFailure(@TargetAggregateIdentifier PairId pairId, String requestId, String step,
                                    int attempt, String reason) {
}
