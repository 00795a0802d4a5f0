package jp.jpki.lifecycle.query.revocation;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.query.infrastructure.ProjectionBatch;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Revocation status in MongoDB, plus two counters per CA: the version of its revocation list (bumped by every
 * change that alters the CRL, so cached CRLs know they are stale) and the number of the last CRL signed.
 */
@Component
public class RevocationStatusStore {

    private static final String COUNTERS = "revocation_counters";

    private final MongoTemplate mongo;

    public RevocationStatusStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<CertificateStatusDocument> find(CertificateKind kind, String serialHex) {
        return Optional.ofNullable(mongo.findById(CertificateStatusDocument.id(kind, serialHex), CertificateStatusDocument.class));
    }

    /** Changes statuses in the current batch of events (see {@link RevocationStatusBatch}). */
    void inBatch(Consumer<RevocationStatusBatch> change) {
        ProjectionBatch.apply(RevocationStatusBatch.class, events -> new RevocationStatusBatch(mongo, this, events), change);
    }

    List<CertificateStatusDocument> onCrl(CertificateKind kind) {
        return mongo.find(Query.query(Criteria.where("kind").is(kind).and("status").ne(CertificateStatusDocument.Status.GOOD)),
                CertificateStatusDocument.class);
    }

    void listChanged(CertificateKind kind) {
        increment(kind + ":version");
    }

    long listVersion(CertificateKind kind) {
        Document counter = mongo.getCollection(COUNTERS).find(new Document("_id", kind + ":version")).first();
        return counter == null ? 0 : counter.get("value", Number.class).longValue();
    }

    long nextCrlNumber(CertificateKind kind) {
        return increment(kind + ":crlNumber");
    }

    void clear() {
        mongo.dropCollection(CertificateStatusDocument.class);
        mongo.remove(Query.query(Criteria.where("_id").regex(":version$")), COUNTERS);
    }

    private long increment(String counter) {
        Document updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(counter)), new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS);
        return updated.get("value", Number.class).longValue();
    }
}
