package jp.jpki.lifecycle.query.statistics;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.PairId;

/**
 * Where and when a counted event happened, and its place in its pair's stream (for the redelivery guard).
 *
 * @param day          the JST calendar day of the event
 * @param officeId     {@code -} for events the system raised itself
 * @param municipality {@code -} when neither the event nor the pair names one
 */
record EventOrigin(PairId pairId, long sequence, LocalDate day, String officeId, String municipality) {
}
