package jp.jpki.lifecycle.query;

/** Event processors of the query side; one per read model, so each can be replayed on its own. */
public final class ProcessingGroups {
    public static final String COUNTER_VIEW = "counter-view";
    public static final String STATISTICS = "statistics";
    public static final String REVOCATION_STATUS = "revocation-status";
    public static final String AUDIT_TRAIL = "audit-trail";

    private ProcessingGroups() {
    }
}
