package jp.jpki.lifecycle.query.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One event of a pair's history as the audit chain holds it: its canonical form and its chained hash. */
@Document("audit_trail")
class AuditEntryDocument {

    @Id
    String id;
    String pairId;
    long seq;
    String type;
    Instant timestamp;
    String canonical;
    String hash;

    /** Zero-padded, so the ids of one pair sort in sequence order and a range of ids is the pair's history. */
    static String id(String pairId, long seq) {
        return pairId + ":" + String.format("%012d", seq);
    }
}
