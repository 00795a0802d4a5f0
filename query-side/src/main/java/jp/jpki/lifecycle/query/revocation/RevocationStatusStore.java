package jp.jpki.lifecycle.query.revocation;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
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
 * Revocation status in MongoDB, with a version per CA's revocation list (bumped by every change that alters the
 * CRL, so cached CRLs know they are stale).
 *
 * <p>A rebuild builds aside: the statuses go to a new collection while the last complete one keeps serving, and
 * the new one serves once the projection has read the event store up to the head it had when the rebuild began.
 * Until a collection is complete in that sense (also a first build, after the read store was lost) the store does
 * not {@link #vouches() vouch} for it: no CRL is signed from it and OCSP answers only what cannot be undone.
 */
@Component
class RevocationStatusStore {

    static final String FIRST_COLLECTION = "revocation_status";
    private static final String COUNTERS = "revocation_counters";
    private static final String GENERATION = "generation";

    /** Which collection serves, which one is being built, up to which position, and whether the serving one is complete. */
    record Generation(String serving, String building, Long until, boolean complete, long number) {

        static final Generation FIRST = new Generation(FIRST_COLLECTION, null, null, false, 0);

        String writing() {
            return building != null ? building : serving;
        }

        boolean vouches() {
            return complete && building == null;
        }
    }

    private final MongoTemplate mongo;
    private volatile Generation generation;

    RevocationStatusStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.generation = load();
    }

    Optional<CertificateStatusDocument> find(CertificateKind kind, String serialHex) {
        return Optional.ofNullable(mongo.findById(CertificateStatusDocument.id(kind, serialHex), CertificateStatusDocument.class,
                generation.serving()));
    }

    /** Whether the serving statuses are complete up to a recent head of the event store, with no rebuild running. */
    boolean vouches() {
        return generation.vouches();
    }

    /** Changes statuses in the current batch of events (see {@link RevocationStatusBatch}). */
    void inBatch(Consumer<RevocationStatusBatch> change) {
        ProjectionBatch.apply(RevocationStatusBatch.class, events -> new RevocationStatusBatch(mongo, this, generation.writing(), events),
                change);
    }

    List<CertificateStatusDocument> onCrl(CertificateKind kind) {
        return mongo.find(Query.query(Criteria.where("kind").is(kind).and("status").ne(CertificateStatusDocument.Status.GOOD)),
                CertificateStatusDocument.class, generation.serving());
    }

    void listChanged(CertificateKind kind) {
        increment(kind + ":version");
    }

    long listVersion(CertificateKind kind) {
        Document counter = mongo.getCollection(COUNTERS).find(new Document("_id", kind + ":version")).first();
        return counter == null ? 0 : counter.get("value", Number.class).longValue();
    }

    /** A rebuild begins: statuses go to a fresh collection; the last complete one serves until it is done. */
    synchronized void beginRebuild() {
        Generation current = load();
        long number = current.number() + 1;
        String building = FIRST_COLLECTION + "_" + number;
        drop(building);
        if (current.building() != null) {
            drop(current.building());
        }
        save(new Generation(current.serving(), building, null, current.complete(), number));
    }

    /**
     * Moves the build on with the projection's position: the first call after a build began fixes the head it
     * must reach; once reached, the built collection serves (the one before is dropped) and the lists' versions
     * change, so the next CRL is signed from it.
     */
    synchronized void follow(long position, LongSupplier head) {
        Generation current = load();
        if (!current.vouches()) {
            if (current.until() == null) {
                current = new Generation(current.serving(), current.building(), head.getAsLong(), current.complete(), current.number());
                save(current);
            }
            if (position >= current.until()) {
                String before = current.serving();
                current = new Generation(current.writing(), null, null, true, current.number());
                save(current);
                if (!before.equals(current.serving())) {
                    drop(before);
                }
                for (CertificateKind kind : CertificateKind.values()) {
                    listChanged(kind);
                }
            }
        }
        generation = current;
    }

    private void drop(String collection) {
        if (mongo.collectionExists(collection)) {
            mongo.dropCollection(collection);
        }
    }

    private Generation load() {
        Document saved = mongo.getCollection(COUNTERS).find(new Document("_id", GENERATION)).first();
        if (saved == null) {
            return Generation.FIRST;
        }
        Number until = saved.get("until", Number.class);
        return new Generation(saved.getString("serving"), saved.getString("building"), until == null ? null : until.longValue(),
                saved.getBoolean("complete", false), saved.get("number", Number.class).longValue());
    }

    private void save(Generation next) {
        Document saved = new Document("_id", GENERATION).append("serving", next.serving()).append("building", next.building())
                .append("until", next.until()).append("complete", next.complete()).append("number", next.number());
        mongo.getCollection(COUNTERS).replaceOne(new Document("_id", GENERATION), saved,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        generation = next;
    }

    private long increment(String counter) {
        Document updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(counter)), new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS);
        return updated.get("value", Number.class).longValue();
    }
}
