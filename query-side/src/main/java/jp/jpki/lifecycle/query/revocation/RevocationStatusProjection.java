package jp.jpki.lifecycle.query.revocation;

import java.util.Optional;
import java.util.stream.Stream;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.query.FindSerialStatus;
import jp.jpki.lifecycle.api.query.SerialStatusView;
import org.axonframework.queryhandling.QueryHandler;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.query.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Serial → status for the CRLs and the OCSP responder (R-REV-6). Every handler sets a state rather than
 * adding to one, so a replayed event leaves the same document. A PIN lock is not a revocation (R-PIN-3) and an
 * expiry is not one either (R-VAL-7): neither reaches a CRL.
 */
@Component
@ProcessingGroup(ProcessingGroups.REVOCATION_STATUS)
class RevocationStatusProjection {

    private final RevocationStatusStore store;

    RevocationStatusProjection(RevocationStatusStore store) {
        this.store = store;
    }

    /** A serial's own status, for the counter's lookup by serial. */
    @QueryHandler
    Optional<SerialStatusView> handle(FindSerialStatus query) {
        return Stream.of(CertificateKind.values())
                .flatMap(kind -> store.find(kind, query.serialHex()).stream())
                .findFirst()
                .map(RevocationStatusProjection::view);
    }

    private static SerialStatusView view(CertificateStatusDocument document) {
        CertificateStatus status = switch (document.status) {
            case REVOKED -> CertificateStatus.REVOKED;
            case ON_HOLD -> CertificateStatus.ON_HOLD;
            case GOOD -> document.expired ? CertificateStatus.EXPIRED : CertificateStatus.ACTIVE;
        };
        return new SerialStatusView(document.kind, document.serialHex, status, document.reason, document.revokedAt,
                document.notAfter);
    }

    @EventHandler
    void on(CertificatesIssued e) {
        store.inBatch(batch -> e.certificates().forEach(certificate -> issued(batch, certificate)));
    }

    @EventHandler
    void on(CertificatesRenewed e) {
        store.inBatch(batch -> e.certificates().forEach(certificate -> issued(batch, certificate)));
    }

    @EventHandler
    void on(CertificateRevoked e) {
        store.inBatch(batch -> {
            CertificateStatusDocument status = existing(batch, e.kind(), e.serialHex());
            if (status.status == CertificateStatusDocument.Status.REVOKED) {
                return; // revocation is final (R-REV-5); a redelivered event changes nothing
            }
            status.status = CertificateStatusDocument.Status.REVOKED;
            status.reason = e.reason();
            status.revokedAt = e.revokedAt();
            batch.save(status);
            batch.listChanged(e.kind());
        });
    }

    @EventHandler
    void on(CertificateHeld e) {
        store.inBatch(batch -> {
            CertificateStatusDocument status = existing(batch, e.kind(), e.serialHex());
            if (status.status != CertificateStatusDocument.Status.GOOD) {
                return;
            }
            status.status = CertificateStatusDocument.Status.ON_HOLD;
            status.reason = RevocationReason.CERTIFICATE_HOLD;
            status.revokedAt = e.heldAt();
            batch.save(status);
            batch.listChanged(e.kind());
        });
    }

    @EventHandler
    void on(CertificateExpired e) {
        store.inBatch(batch -> {
            CertificateStatusDocument status = existing(batch, e.kind(), e.serialHex());
            status.expired = true;
            batch.save(status);
        });
    }

    /** Builds aside: the statuses served so far keep serving until the rebuilt ones are complete. */
    @ResetHandler
    void reset() {
        store.beginRebuild();
    }

    private static void issued(RevocationStatusBatch batch, IssuedCertificate certificate) {
        if (batch.find(certificate.kind(), certificate.serialHex()).isPresent()) {
            return;
        }
        CertificateStatusDocument status = new CertificateStatusDocument();
        status.id = CertificateStatusDocument.id(certificate.kind(), certificate.serialHex());
        status.kind = certificate.kind();
        status.serialHex = certificate.serialHex();
        status.notAfter = certificate.notAfter();
        batch.save(status);
    }

    private static CertificateStatusDocument existing(RevocationStatusBatch batch, CertificateKind kind, String serialHex) {
        return batch.find(kind, serialHex).orElseGet(() -> {
            CertificateStatusDocument unknown = new CertificateStatusDocument();
            unknown.id = CertificateStatusDocument.id(kind, serialHex);
            unknown.kind = kind;
            unknown.serialHex = serialHex;
            return unknown;
        });
    }
}
