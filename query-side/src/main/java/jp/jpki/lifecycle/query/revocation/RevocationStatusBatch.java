package jp.jpki.lifecycle.query.revocation;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.query.infrastructure.ProjectionBatch;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The revocation statuses one batch of events touches: read in one query by the serials the events name, changed
 * in memory, written back in one bulk write, and only then the lists' versions bumped, once per changed list, so
 * a CRL cached under the new version cannot miss a change.
 */
final class RevocationStatusBatch implements ProjectionBatch.Pending {
    private final MongoTemplate mongo;
    private final RevocationStatusStore store;
    private final String collection;
    /** Status id → status as the batch has it so far; null for certificates not known yet. */
    private final Map<String, CertificateStatusDocument> statuses = new HashMap<>();
    private final Map<String, CertificateStatusDocument> changed = new LinkedHashMap<>();
    private final Set<CertificateKind> changedLists = EnumSet.noneOf(CertificateKind.class);

    RevocationStatusBatch(MongoTemplate mongo, RevocationStatusStore store, String collection, List<? extends EventMessage<?>> events) {
        this.mongo = mongo;
        this.store = store;
        this.collection = collection;
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.addAll(statusIds(event.getPayload())));
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), CertificateStatusDocument.class, collection)
                    .forEach(status -> statuses.put(status.id, status));
            ids.forEach(id -> statuses.putIfAbsent(id, null));
        }
    }

    Optional<CertificateStatusDocument> find(CertificateKind kind, String serialHex) {
        String id = CertificateStatusDocument.id(kind, serialHex);
        if (!statuses.containsKey(id)) {
            statuses.put(id, mongo.findById(id, CertificateStatusDocument.class, collection));
        }
        return Optional.ofNullable(statuses.get(id));
    }

    void save(CertificateStatusDocument status) {
        statuses.put(status.id, status);
        changed.put(status.id, status);
    }

    void listChanged(CertificateKind kind) {
        changedLists.add(kind);
    }

    @Override
    public void flush() {
        if (!changed.isEmpty()) {
            BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CertificateStatusDocument.class, collection);
            changed.values().forEach(status -> writes.replaceOne(Query.query(Criteria.where("_id").is(status.id)), status,
                    FindAndReplaceOptions.options().upsert()));
            writes.execute();
        }
        changedLists.forEach(store::listChanged);
    }

    private static List<String> statusIds(Object payload) {
        if (payload instanceof CertificatesIssued issued) {
            return ids(issued.certificates());
        }
        if (payload instanceof CertificatesRenewed renewed) {
            return ids(renewed.certificates());
        }
        if (payload instanceof CertificateRevoked revoked) {
            return List.of(CertificateStatusDocument.id(revoked.kind(), revoked.serialHex()));
        }
        if (payload instanceof CertificateHeld held) {
            return List.of(CertificateStatusDocument.id(held.kind(), held.serialHex()));
        }
        if (payload instanceof CertificateExpired expired) {
            return List.of(CertificateStatusDocument.id(expired.kind(), expired.serialHex()));
        }
        return List.of();
    }

    private static List<String> ids(List<IssuedCertificate> certificates) {
        return certificates.stream().map(c -> CertificateStatusDocument.id(c.kind(), c.serialHex())).toList();
    }
}
