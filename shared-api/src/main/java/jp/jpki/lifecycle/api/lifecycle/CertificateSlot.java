package jp.jpki.lifecycle.api.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;

/**
 * One kind's certificate as a pair's events leave it: the lifecycle told once, for the aggregate's decisions and
 * every read model that shows a status. {@link #next} is a pure fold step.
 * <p>
 * A certificate is ISSUING from the issuance request until it is on the card; a renewal keeps the old one ACTIVE
 * until its successor is written; abandoned card work puts the slot back where it was. Revocation, hold and expiry
 * change the slot only when they name its current serial: a superseded certificate or one signed but never written
 * is not the current one (R-REN-2, compensation). A PIN lock is orthogonal to the status (R-PIN-3).
 *
 * @param revocationReason    the CRL reason of the current certificate when revoked or on hold (R-REV-4)
 * @param pendingRequestId    the card work that concerns this kind, until it is confirmed or abandoned
 * @param statusBeforeIssuing what the slot showed before an issuance made it ISSUING
 * @param signed              signed for this kind by the pending card work, waiting to be written to the card
 */
public record CertificateSlot(CertificateStatus status, String serialHex, Instant notBefore, LocalDate notAfter,
                              boolean pinLocked, RevocationReason revocationReason, String pendingRequestId,
                              CertificateStatus statusBeforeIssuing, SignedCertificate signed) {

    /** The events {@link #next} reads; every other event leaves every slot as it is. */
    public static final List<Class<?>> EVENT_TYPES = List.of(IssuanceRequested.class, RenewalRequested.class,
            PinResetRequested.class, CertificatesIssued.class, CertificatesRenewed.class,
            CertificatesWrittenToCard.class, CardWorkAbandoned.class, PinLocked.class, PinReset.class,
            CertificateRevoked.class, CertificateHeld.class, CertificateExpired.class);

    /** A kind that never had a certificate. */
    public static final CertificateSlot NONE =
            new CertificateSlot(CertificateStatus.NONE, null, null, null, false, null, null, null, null);

    /** The slot after {@code event}; events that do not concern this kind leave it as it is. */
    public CertificateSlot next(CertificateKind kind, Object event) {
        if (event instanceof IssuanceRequested e && e.kinds().contains(kind)) {
            CertificateStatus before = status == CertificateStatus.ISSUING ? statusBeforeIssuing : status;
            return with(CertificateStatus.ISSUING, e.requestId(), before, null);
        }
        if (event instanceof RenewalRequested e && e.kinds().contains(kind)) {
            return with(status, e.requestId(), statusBeforeIssuing, null);
        }
        if (event instanceof PinResetRequested e && names(e.kind(), kind)) {
            return with(status, e.requestId(), statusBeforeIssuing, signed);
        }
        if (event instanceof CertificatesIssued e) {
            return signed(kind, e.certificates());
        }
        if (event instanceof CertificatesRenewed e) {
            return signed(kind, e.certificates());
        }
        if (event instanceof CertificatesWrittenToCard e && signed != null && e.serials().contains(signed.serialHex())) {
            // new keys come with new PINs
            return new CertificateSlot(CertificateStatus.ACTIVE, signed.serialHex(), signed.notBefore(),
                    signed.notAfter(), false, null, null, null, null);
        }
        if (event instanceof CardWorkAbandoned e && e.requestId().equals(pendingRequestId)) {
            CertificateStatus restored = status != CertificateStatus.ISSUING ? status
                    : statusBeforeIssuing == null ? CertificateStatus.NONE : statusBeforeIssuing;
            return with(restored, null, null, null);
        }
        if (event instanceof PinLocked e && names(e.kind(), kind)) {
            return new CertificateSlot(status, serialHex, notBefore, notAfter, true, revocationReason,
                    pendingRequestId, statusBeforeIssuing, signed);
        }
        if (event instanceof PinReset e && names(e.kind(), kind)) {
            return new CertificateSlot(status, serialHex, notBefore, notAfter, false, revocationReason,
                    null, statusBeforeIssuing, signed);
        }
        if (event instanceof CertificateRevoked e && names(e.kind(), kind) && isCurrent(e.serialHex())) {
            return ended(CertificateStatus.REVOKED, e.reason());
        }
        if (event instanceof CertificateHeld e && names(e.kind(), kind) && isCurrent(e.serialHex())) {
            return ended(CertificateStatus.ON_HOLD, RevocationReason.CERTIFICATE_HOLD);
        }
        if (event instanceof CertificateExpired e && names(e.kind(), kind) && isCurrent(e.serialHex())) {
            return ended(CertificateStatus.EXPIRED, revocationReason);
        }
        return this;
    }

    /** Whether {@code serial} names the slot's current certificate (not a superseded or unwritten one). */
    public boolean isCurrent(String serial) {
        return serialHex != null && serialHex.equals(serial);
    }

    /** Valid or on hold: a certificate that revocation, a PIN lock or a new card still concerns. */
    public boolean isLive() {
        return status == CertificateStatus.ACTIVE || status == CertificateStatus.ON_HOLD;
    }

    public boolean isActive() {
        return status == CertificateStatus.ACTIVE;
    }

    /** A new issue is possible from these states (R-REV-5, R-REN-3). */
    public boolean acceptsNewIssue() {
        return status == CertificateStatus.NONE || status == CertificateStatus.REVOKED
                || status == CertificateStatus.EXPIRED;
    }

    /** An event that names no kind is malformed: replaying it must fail, not skip it silently. */
    private static boolean names(CertificateKind eventKind, CertificateKind kind) {
        if (eventKind == null) {
            throw new IllegalArgumentException("a lifecycle event must name its certificate kind");
        }
        return eventKind == kind;
    }

    private CertificateSlot signed(CertificateKind kind, List<IssuedCertificate> certificates) {
        return certificates.stream().filter(c -> c.kind() == kind).findFirst()
                .map(c -> with(status, pendingRequestId, statusBeforeIssuing, SignedCertificate.of(c)))
                .orElse(this);
    }

    private CertificateSlot with(CertificateStatus newStatus, String requestId, CertificateStatus before,
                                 SignedCertificate newSigned) {
        return new CertificateSlot(newStatus, serialHex, notBefore, notAfter, pinLocked, revocationReason, requestId,
                before, newSigned);
    }

    private CertificateSlot ended(CertificateStatus newStatus, RevocationReason reason) {
        return new CertificateSlot(newStatus, serialHex, notBefore, notAfter, pinLocked, reason, pendingRequestId,
                statusBeforeIssuing, signed);
    }
}
