package jp.jpki.lifecycle.api.query;

/** Operations counted by the statistics. */
public enum StatisticsOperation {
    ISSUED, RENEWED, REVOKED, HELD, PIN_LOCKED, PIN_RESET, EXPIRED, CARD_WORK_FAILED
}
