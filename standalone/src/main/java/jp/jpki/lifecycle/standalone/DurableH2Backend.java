package jp.jpki.lifecycle.standalone;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.Set;

/**
 * The embedded MongoDB's file store, with its maps in BSON ({@link BsonH2Database}), committed after every write
 * instead of once a second. Axon writes a saga and
 * its processor's tracking token as separate operations (this server has no transactions); with a one-second
 * commit window a killed process could keep the token and lose the saga, leaving card work that nothing resumes.
 * <p>
 * Writes to the read models are the exception: a projection writes them before its tracking token, and a commit
 * stores everything written before it, so the token's commit makes them durable; a crash before it loses only
 * writes whose events are delivered again. Committing each of them would cost a file write per event.
 */
final class DurableH2Backend extends H2Backend {

    DurableH2Backend(String file) {
        super(BsonMaps.open(file));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Commands that change data; reads never commit, a commit writes (and syncs) a chunk of the file. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify",
            "create", "createIndexes", "drop", "dropDatabase");

    /** Collections only tracking projections write, each rebuildable from the event store. */
    private static final Set<String> READ_MODELS = Set.of("counter_view", "statistics_days", "statistics_months",
            "statistics_years", "statistics_pairs", "statistics_journal", "revocation_status", "audit_trail", "counter_lookup");

    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete");

    /** Every request of the driver arrives as one message (OP_MSG) whose first key names the command. */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document answer = super.handleMessage(message);
        if (needsCommit(message.getDocument())) {
            commit();
        }
        return answer;
    }

    private static boolean needsCommit(Document command) {
        if (command.isEmpty()) {
            return false;
        }
        String name = command.keySet().iterator().next();
        boolean readModelWrite = DOCUMENT_WRITES.contains(name) && READ_MODELS.contains(String.valueOf(command.get(name)));
        return WRITES.contains(name) && !readModelWrite;
    }
}
