package jp.jpki.lifecycle.query.counter;

import java.time.Instant;
import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import org.springframework.data.convert.ValueConverter;

/** One certificate slot of a pair in the counter view. */
class CertificateEntry {
    private CertificateStatus status = CertificateStatus.NONE;
    /** What the slot showed before an issuance made it ISSUING, so an abandoned issuance can put it back. */
    private CertificateStatus statusBeforeIssuing;
    private String serialHex;
    private Instant notBefore;
    @ValueConverter(IsoDateConverter.class)
    private LocalDate notAfter;
    private boolean pinLocked;
    private RevocationReason revocationReason;
    @ValueConverter(IsoDateConverter.class)
    private LocalDate expiryNoticeDueOn;
    private String pendingRequestId;
    /** Signed by the CA but not yet on the card: not valid, not shown as the current certificate. */
    private IssuedCertificateEntry signed;

    void issuanceRequested(String requestId) {
        if (status != CertificateStatus.ISSUING) {
            statusBeforeIssuing = status;
        }
        status = CertificateStatus.ISSUING;
        pendingRequestId = requestId;
    }

    /** Renewal and PIN reset keep the current certificate valid while the card work runs. */
    void cardWorkRequested(String requestId) {
        pendingRequestId = requestId;
    }

    void signed(IssuedCertificate certificate) {
        signed = new IssuedCertificateEntry(certificate.serialHex(), certificate.notBefore(), certificate.notAfter());
    }

    /** The signed certificate is on the card: it replaces the current one. New keys come with new PINs. */
    void written() {
        status = CertificateStatus.ACTIVE;
        serialHex = signed.serialHex();
        notBefore = signed.notBefore();
        notAfter = signed.notAfter();
        pinLocked = false;
        revocationReason = null;
        expiryNoticeDueOn = null;
        clearCardWork();
    }

    boolean awaitsWriting(String serial) {
        return signed != null && signed.serialHex().equals(serial);
    }

    void cardWorkAbandoned() {
        if (status == CertificateStatus.ISSUING) {
            status = statusBeforeIssuing == null ? CertificateStatus.NONE : statusBeforeIssuing;
        }
        clearCardWork();
    }

    private void clearCardWork() {
        statusBeforeIssuing = null;
        signed = null;
        pendingRequestId = null;
    }

    /** R-PIN-3: a lock is a card state; the status stays as it is. */
    void pinLocked() {
        pinLocked = true;
    }

    void pinReset() {
        pinLocked = false;
        pendingRequestId = null;
    }

    /**
     * Only the current certificate changes status: a revocation of a superseded (R-REN-2) or never-written
     * (compensation) serial leaves the slot as it is.
     */
    void revoked(String serial, RevocationReason reason) {
        if (isCurrent(serial)) {
            status = CertificateStatus.REVOKED;
            revocationReason = reason;
        }
    }

    /** R-REV-4: a hold shows the CRL reason it is published with. */
    void held(String serial) {
        if (isCurrent(serial)) {
            status = CertificateStatus.ON_HOLD;
            revocationReason = RevocationReason.CERTIFICATE_HOLD;
        }
    }

    void expired(String serial) {
        if (isCurrent(serial)) {
            status = CertificateStatus.EXPIRED;
        }
    }

    void expiryNoticeDue(String serial, LocalDate dueOn) {
        if (isCurrent(serial)) {
            expiryNoticeDueOn = dueOn;
        }
    }

    private boolean isCurrent(String serial) {
        return serialHex != null && serialHex.equals(serial);
    }

    CertificateStatus status() {
        return status;
    }

    String serialHex() {
        return serialHex;
    }

    Instant notBefore() {
        return notBefore;
    }

    LocalDate notAfter() {
        return notAfter;
    }

    boolean isPinLocked() {
        return pinLocked;
    }

    RevocationReason revocationReason() {
        return revocationReason;
    }

    LocalDate expiryNoticeDueOn() {
        return expiryNoticeDueOn;
    }

    String pendingRequestId() {
        return pendingRequestId;
    }
}
