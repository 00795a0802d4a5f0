package jp.jpki.lifecycle.command.pair;

import java.time.LocalDate;
import java.util.Objects;
import jp.jpki.lifecycle.api.pair.CertificateStatus;

/** What the aggregate knows of one kind's current certificate. Mutated only by event-sourcing handlers. */
final class CertificateSlot {
    CertificateStatus status = CertificateStatus.NONE;
    String serialHex;
    LocalDate notAfter;
    boolean pinLocked;

    boolean isLive() {
        return status == CertificateStatus.ACTIVE || status == CertificateStatus.ON_HOLD;
    }

    boolean isActive() {
        return status == CertificateStatus.ACTIVE;
    }

    /** A new issue is possible from these states (R-REV-5, R-REN-3). */
    boolean acceptsNewIssue() {
        return status == CertificateStatus.NONE || status == CertificateStatus.REVOKED
                || status == CertificateStatus.EXPIRED;
    }

    /**
     * Compared by value, so that replaying the events can be checked to rebuild exactly the state the command
     * handlers worked on (Axon's test fixture compares the two, slot by slot).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateSlot slot && status == slot.status && Objects.equals(serialHex, slot.serialHex)
                && Objects.equals(notAfter, slot.notAfter) && pinLocked == slot.pinLocked;
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, serialHex, notAfter, pinLocked);
    }
}
