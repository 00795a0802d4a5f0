package jp.jpki.lifecycle.api.query;

/** What statistics rows can be grouped by. */
public enum StatisticsDimension {
    /** Calendar day in Japan time of the event. */
    DAY,
    OFFICE,
    MUNICIPALITY,
    KIND,
    OPERATION,
    /** Revocation reason, {@code -} for other operations. */
    REASON
}
