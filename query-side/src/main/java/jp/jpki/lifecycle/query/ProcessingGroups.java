package jp.jpki.lifecycle.query;

/** Event processors of the query side; one per read model, so each can be replayed on its own. */
public final class ProcessingGroups {
    public static final String COUNTER_VIEW = "counter-view";
    public static final String STATISTICS = "statistics";
    public static final String REVOCATION_STATUS = "revocation-status";
    public static final String AUDIT_TRAIL = "audit-trail";

    /** The read models an operator may rebuild; sagas are not among them: replaying them would redo card work. */
    public static final java.util.List<String> PROJECTIONS = java.util.List.of(COUNTER_VIEW, STATISTICS, REVOCATION_STATUS, AUDIT_TRAIL);

    private ProcessingGroups() {
    }
}
