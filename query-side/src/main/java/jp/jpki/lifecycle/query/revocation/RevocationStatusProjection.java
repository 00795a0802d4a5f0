package jp.jpki.lifecycle.query.revocation;

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

    @EventHandler
    void on(CertificatesIssued e) {
        e.certificates().forEach(this::issued);
    }

    @EventHandler
    void on(CertificatesRenewed e) {
        e.certificates().forEach(this::issued);
    }

    @EventHandler
    void on(CertificateRevoked e) {
        CertificateStatusDocument status = existing(e.kind(), e.serialHex());
        if (status.status == CertificateStatusDocument.Status.REVOKED) {
            return; // revocation is final (R-REV-5); a redelivered event changes nothing
        }
        status.status = CertificateStatusDocument.Status.REVOKED;
        status.reason = e.reason();
        status.revokedAt = e.revokedAt();
        store.save(status);
        store.listChanged(e.kind());
    }

    @EventHandler
    void on(CertificateHeld e) {
        CertificateStatusDocument status = existing(e.kind(), e.serialHex());
        if (status.status != CertificateStatusDocument.Status.GOOD) {
            return;
        }
        status.status = CertificateStatusDocument.Status.ON_HOLD;
        status.reason = RevocationReason.CERTIFICATE_HOLD;
        status.revokedAt = e.heldAt();
        store.save(status);
        store.listChanged(e.kind());
    }

    @EventHandler
    void on(CertificateExpired e) {
        CertificateStatusDocument status = existing(e.kind(), e.serialHex());
        status.expired = true;
        store.save(status);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    private void issued(IssuedCertificate certificate) {
        if (store.find(certificate.kind(), certificate.serialHex()).isPresent()) {
            return;
        }
        CertificateStatusDocument status = new CertificateStatusDocument();
        status.id = CertificateStatusDocument.id(certificate.kind(), certificate.serialHex());
        status.kind = certificate.kind();
        status.serialHex = certificate.serialHex();
        status.notAfter = certificate.notAfter();
        store.save(status);
    }

    private CertificateStatusDocument existing(CertificateKind kind, String serialHex) {
        return store.find(kind, serialHex).orElseGet(() -> {
            CertificateStatusDocument unknown = new CertificateStatusDocument();
            unknown.id = CertificateStatusDocument.id(kind, serialHex);
            unknown.kind = kind;
            unknown.serialHex = serialHex;
            return unknown;
        });
    }
}
