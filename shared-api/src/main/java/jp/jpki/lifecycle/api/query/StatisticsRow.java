package jp.jpki.lifecycle.api.query;

import java.time.LocalDate;

/**
 * One group of counted operations. A dimension the query did not group by is null.
 *
 * @param kind   {@code SIGN}, {@code AUTH}, or {@code -} for operations on the pair as a whole (card work)
 * @param reason the revocation reason for {@code REVOKED}, else {@code -}
 * @param feeYen fees booked with the counted operations (R-PRC-7); a pair's fee is booked once, not per kind
 */
public record StatisticsRow(LocalDate day, String officeId, String municipalityCode, String kind,
                            StatisticsOperation operation, String reason, long count, long feeYen) {
}
