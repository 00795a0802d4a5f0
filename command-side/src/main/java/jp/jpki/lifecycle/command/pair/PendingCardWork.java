package jp.jpki.lifecycle.command.pair;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import org.axonframework.messaging.MetaData;

/**
 * The one card-work request a pair may have in flight: an issuance, renewal or PIN reset between its
 * request and its confirmation from the card.
 */
final class PendingCardWork {
    enum Type { ISSUANCE, RENEWAL, PIN_RESET }

    final String requestId;
    final Type type;
    final Set<CertificateKind> kinds;
    /** Status of each kind before an issuance, to restore if the work is abandoned. */
    final Map<CertificateKind, CertificateStatus> statusBefore = new EnumMap<>(CertificateKind.class);
    final List<IssuedCertificate> signed = new ArrayList<>();
    final Map<CertificateKind, String> replacedSerials = new EnumMap<>(CertificateKind.class);
    /** The keys the card generated for this request; certificates are signed over exactly these. */
    final Map<CertificateKind, String> publicKeys = new EnumMap<>(CertificateKind.class);
    final int feeYen;
    boolean keysGenerated;
    /**
     * Who asked for the work, where and through which channel: copied onto every event the card's answers cause, so
     * that they count for the office that served the resident, not for the system (R-STA-1).
     */
    MetaData origin = MetaData.emptyInstance();

    PendingCardWork(String requestId, Type type, Set<CertificateKind> kinds, int feeYen) {
        this.requestId = requestId;
        this.feeYen = feeYen;
        this.type = type;
        this.kinds = Set.copyOf(kinds);
    }

    /** Compared by value, like {@link CertificateSlot}, for Axon's detection of state changed outside event sourcing. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PendingCardWork work && requestId.equals(work.requestId) && type == work.type
                && kinds.equals(work.kinds) && statusBefore.equals(work.statusBefore) && signed.equals(work.signed)
                && replacedSerials.equals(work.replacedSerials) && publicKeys.equals(work.publicKeys) && feeYen == work.feeYen && keysGenerated == work.keysGenerated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestId, type, kinds, feeYen);
    }
}
