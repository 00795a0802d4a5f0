package jp.jpki.lifecycle.api.revocation;

import jp.jpki.lifecycle.api.pair.RevocationReason;

/** Why a card stopped being valid; both certificates go (R-REV-3). */
public enum CardInvalidationCause {
    REVOKED(RevocationReason.CESSATION_OF_OPERATION),
    RETURNED(RevocationReason.CESSATION_OF_OPERATION),
    EXPIRED(RevocationReason.CESSATION_OF_OPERATION),
    REISSUED(RevocationReason.SUPERSEDED);

    private final RevocationReason reason;

    CardInvalidationCause(RevocationReason reason) {
        this.reason = reason;
    }

    public RevocationReason reason() {
        return reason;
    }
}
