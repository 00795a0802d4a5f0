package jp.jpki.lifecycle.query.counter;

import java.util.function.Consumer;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Builds the counter view. Each update is guarded by the pair's event sequence, so redelivery changes nothing. */
@Component
@ProcessingGroup("counter-view")
class CounterViewProjection {

    private final MongoTemplate mongo;

    CounterViewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(IssuanceRequested e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "ISSUANCE_REQUESTED", v -> {
            v.residentRef = e.holder().residentRef();
            v.municipalityCode = e.holder().municipalityCode();
            v.cardId = e.card().cardId();
            v.cardExpiry = e.cardExpiry();
            v.pendingRequestId = e.requestId();
            e.kinds().forEach(kind -> certificate(v, kind).status = CertificateStatus.ISSUING);
        });
    }

    @EventHandler
    void on(RenewalRequested e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "RENEWAL_REQUESTED", v -> v.pendingRequestId = e.requestId());
    }

    @EventHandler
    void on(PinResetRequested e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "PIN_RESET_REQUESTED", v -> v.pendingRequestId = e.requestId());
    }

    @EventHandler
    void on(CertificatesIssued e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "CERTIFICATES_ISSUED", v -> e.certificates().forEach(c -> pending(v, c)));
    }

    @EventHandler
    void on(CertificatesRenewed e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "CERTIFICATES_RENEWED", v -> e.certificates().forEach(c -> pending(v, c)));
    }

    @EventHandler
    void on(CertificatesWrittenToCard e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "CERTIFICATES_WRITTEN", v -> {
            v.certificates.values().stream().filter(c -> c.pendingSerialHex != null).forEach(c -> {
                c.status = CertificateStatus.ACTIVE;
                c.serialHex = c.pendingSerialHex;
                c.notAfter = c.pendingNotAfter;
                c.notBefore = c.pendingNotBefore;
                c.pinLocked = false;
                c.revocationReason = null;
                c.pendingSerialHex = null;
                c.pendingNotAfter = null;
                c.pendingNotBefore = null;
            });
            v.pendingRequestId = null;
        });
    }

    @EventHandler
    void on(CardWorkAbandoned e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "CARD_WORK_ABANDONED", v -> {
            v.certificates.values().forEach(c -> {
                if (c.status == CertificateStatus.ISSUING) {
                    c.status = c.serialHex == null ? CertificateStatus.NONE : CertificateStatus.REVOKED;
                }
                c.pendingSerialHex = null;
            });
            v.pendingRequestId = null;
        });
    }

    @EventHandler
    void on(PinLocked e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "PIN_LOCKED", v -> certificate(v, e.kind()).pinLocked = true); // R-PIN-3: status unchanged
    }

    @EventHandler
    void on(PinReset e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "PIN_RESET", v -> {
            certificate(v, e.kind()).pinLocked = false;
            v.pendingRequestId = null;
        });
    }

    @EventHandler
    void on(CertificateRevoked e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "REVOKED_" + e.reason(), v -> {
            CounterView.Certificate c = certificate(v, e.kind());
            if (e.serialHex() != null && e.serialHex().equals(c.serialHex) && e.reason() != RevocationReason.SUPERSEDED) {
                c.status = CertificateStatus.REVOKED;
                c.revocationReason = e.reason().name();
            }
        });
    }

    @EventHandler
    void on(CertificateHeld e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "HELD", v -> certificate(v, e.kind()).status = CertificateStatus.ON_HOLD);
    }

    @EventHandler
    void on(CertificateExpired e, @SequenceNumber long seq, EventMessage<?> m) {
        update(e.pairId(), seq, m, "EXPIRED", v -> certificate(v, e.kind()).status = CertificateStatus.EXPIRED);
    }

    private static void pending(CounterView v, IssuedCertificate issued) {
        CounterView.Certificate c = certificate(v, issued.kind());
        c.pendingSerialHex = issued.serialHex();
        c.pendingNotAfter = issued.notAfter();
        c.pendingNotBefore = issued.notBefore();
        if (!v.serials.contains(issued.serialHex())) {
            v.serials.add(issued.serialHex());
        }
    }

    private static CounterView.Certificate certificate(CounterView v, CertificateKind kind) {
        return v.certificates.computeIfAbsent(kind, k -> new CounterView.Certificate());
    }

    private void update(PairId pairId, long sequence, EventMessage<?> message, String operation, Consumer<CounterView> change) {
        CounterView view = mongo.findById(pairId.value(), CounterView.class);
        if (view == null) {
            view = new CounterView();
            view.pairId = pairId.value();
        }
        if (sequence <= view.lastSequence) {
            return;
        }
        change.accept(view);
        view.lastSequence = sequence;
        view.lastOperation = operation;
        view.lastOperationAt = message.getTimestamp();
        view.lastOperator = (String) message.getMetaData().get(MetadataKeys.OPERATOR);
        view.lastOffice = (String) message.getMetaData().get(MetadataKeys.OFFICE);
        mongo.save(view);
    }
}
