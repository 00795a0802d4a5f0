package jp.jpki.lifecycle.api.pair;

/**
 * Keys of the metadata every command and event carries. Values come from the authenticated caller,
 * never from a request body. No personal data and no PIN goes here (R-PIN-5).
 */
public final class MetadataKeys {
    public static final String OPERATOR = "operatorId";
    public static final String OFFICE = "officeId";
    public static final String MUNICIPALITY = "municipalityCode";
    public static final String TERMINAL = "terminalId";
    public static final String CHANNEL = "channel";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** A component of the system that sends a message on its own, not for a caller ({@link SystemOrigin}). */
    public static final String ORIGIN = "origin";

    private MetadataKeys() {
    }
}
