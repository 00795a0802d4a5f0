package jp.jpki.lifecycle.api.pair;

/** RFC 5280 CRLReason values used by JPKI (R-REV-1), with their RFC codes. */
public enum RevocationReason {
    /** 交付前に破棄. */
    UNSPECIFIED(0),
    /** Loss, damage or PIN leak. */
    KEY_COMPROMISE(1),
    /** Issuer key compromise. */
    CA_COMPROMISE(2),
    /** Change of a basic item (name, address, date of birth, sex) or emigration with continued use. */
    AFFILIATION_CHANGED(3),
    /** Renewal. */
    SUPERSEDED(4),
    /** Holder's request, death, card returned. */
    CESSATION_OF_OPERATION(5),
    /** Loss reported to the call centre (一時保留); never released (R-REV-4). */
    CERTIFICATE_HOLD(6);

    private final int rfc5280Code;

    RevocationReason(int rfc5280Code) {
        this.rfc5280Code = rfc5280Code;
    }

    public int rfc5280Code() {
        return rfc5280Code;
    }
}
