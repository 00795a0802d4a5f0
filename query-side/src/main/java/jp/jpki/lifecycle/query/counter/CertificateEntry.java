package jp.jpki.lifecycle.query.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import jp.jpki.lifecycle.api.lifecycle.CertificateSlot;
import jp.jpki.lifecycle.api.lifecycle.SignedCertificate;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import org.springframework.data.convert.ValueConverter;

/** One certificate slot of a pair in the counter view: the stored form of {@link CertificateSlot}. */
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

    /** The slot's lifecycle state, as the shared fold sees it. */
    CertificateSlot slot() {
        return new CertificateSlot(status, serialHex, notBefore, notAfter, pinLocked, revocationReason, pendingRequestId,
                statusBeforeIssuing,
                signed == null ? null : new SignedCertificate(signed.serialHex(), signed.notBefore(), signed.notAfter()));
    }

    /** Stores the slot the fold produced; a new current certificate has no expiry notice yet. */
    void assign(CertificateSlot slot) {
        if (!Objects.equals(serialHex, slot.serialHex())) {
            expiryNoticeDueOn = null;
        }
        status = slot.status();
        serialHex = slot.serialHex();
        notBefore = slot.notBefore();
        notAfter = slot.notAfter();
        pinLocked = slot.pinLocked();
        revocationReason = slot.revocationReason();
        pendingRequestId = slot.pendingRequestId();
        statusBeforeIssuing = slot.statusBeforeIssuing();
        signed = slot.signed() == null ? null
                : new IssuedCertificateEntry(slot.signed().serialHex(), slot.signed().notBefore(), slot.signed().notAfter());
    }

    void expiryNoticeDue(String serial, LocalDate dueOn) {
        if (slot().isCurrent(serial)) {
            expiryNoticeDueOn = dueOn;
        }
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
