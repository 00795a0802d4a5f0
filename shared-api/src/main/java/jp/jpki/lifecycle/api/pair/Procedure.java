package jp.jpki.lifecycle.api.pair;

/** Counter procedures that policies (documents, office capabilities, fees) are keyed by. */
public enum Procedure {
    ISSUANCE, RENEWAL, PIN_RESET, REVOCATION
}
