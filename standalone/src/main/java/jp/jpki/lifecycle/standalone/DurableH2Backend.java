package jp.jpki.lifecycle.standalone;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.Set;

/**
 * The embedded MongoDB's file store, committed after every write instead of once a second. Axon writes a saga and
 * its processor's tracking token as separate operations (this server has no transactions); with a one-second
 * commit window a killed process could keep the token and lose the saga, leaving card work that nothing resumes.
 */
final class DurableH2Backend extends H2Backend {

    DurableH2Backend(String file) {
        super(file);
    }

    /** Commands that change data; reads never commit, a commit writes (and syncs) a chunk of the file. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify",
            "create", "createIndexes", "drop", "dropDatabase");

    /** Every request of the driver arrives as one message (OP_MSG) whose first key names the command. */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document answer = super.handleMessage(message);
        if (!message.getDocument().isEmpty() && WRITES.contains(message.getDocument().keySet().iterator().next())) {
            commit();
        }
        return answer;
    }
}
