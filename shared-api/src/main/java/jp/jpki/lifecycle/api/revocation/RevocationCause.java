package jp.jpki.lifecycle.api.revocation;

import jp.jpki.lifecycle.api.pair.RevocationReason;

/** Why a counter revokes, and the RFC 5280 reason each cause maps to (R-REV-1). */
public enum RevocationCause {
    /** サービス利用の自発的な取止め. */
    HOLDER_REQUEST(RevocationReason.CESSATION_OF_OPERATION),
    /** 紛失. */
    LOSS(RevocationReason.KEY_COMPROMISE),
    /** 毀損. */
    DAMAGE(RevocationReason.KEY_COMPROMISE),
    /** 暗証番号の漏えい. */
    PIN_LEAK(RevocationReason.KEY_COMPROMISE),
    /** 交付前に破棄. */
    DISCARDED_BEFORE_DELIVERY(RevocationReason.UNSPECIFIED),
    /** 住民票の消除 (death, emigration without continued use); revokes both (R-REV-3). */
    RESIDENT_RECORD_REMOVED(RevocationReason.CESSATION_OF_OPERATION),
    /** 発行者署名符号の漏えい; revokes both (R-REV-3). */
    CA_KEY_COMPROMISE(RevocationReason.CA_COMPROMISE);

    private final RevocationReason reason;

    RevocationCause(RevocationReason reason) {
        this.reason = reason;
    }

    public RevocationReason reason() {
        return reason;
    }

    /** Causes that always take both certificates, whatever the counter selected (R-REV-3). */
    public boolean revokesBoth() {
        return this == RESIDENT_RECORD_REMOVED || this == CA_KEY_COMPROMISE;
    }
}
