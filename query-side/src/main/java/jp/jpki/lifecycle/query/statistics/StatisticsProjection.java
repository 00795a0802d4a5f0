package jp.jpki.lifecycle.query.statistics;

import java.time.Instant;
import java.util.List;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CardWorkFailed;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.proxy.ProxyApplicationOpened;
import jp.jpki.lifecycle.api.query.StatisticsOperation;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.query.JapanTime;
import jp.jpki.lifecycle.query.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Operation counts per JST day × office × municipality × kind × operation × reason, with the fees booked. No
 * personal data and no pair id reaches a query answer: the statistics role sees aggregates only.
 */
@Component
@ProcessingGroup(ProcessingGroups.STATISTICS)
class StatisticsProjection {
    private final StatisticsStore store;

    StatisticsProjection(StatisticsStore store) {
        this.store = store;
    }

    @EventHandler
    void on(IssuanceRequested e) {
        store.rememberMunicipality(e.pairId(), e.holder().municipalityCode());
    }

    @EventHandler
    void on(ProxyApplicationOpened e) {
        store.rememberMunicipality(e.pairId(), e.holder().municipalityCode());
    }

    @EventHandler
    void on(CertificatesIssued e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        countSigned(origin(e.pairId(), seq, at, office, municipality), StatisticsOperation.ISSUED, e.certificates(), e.feeYen());
    }

    @EventHandler
    void on(CertificatesRenewed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        countSigned(origin(e.pairId(), seq, at, office, municipality), StatisticsOperation.RENEWED, e.certificates(), e.feeYen());
    }

    @EventHandler
    void on(CertificateRevoked e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        store.count(origin(e.pairId(), seq, at, office, municipality), e.kind().name(), StatisticsOperation.REVOKED,
                e.reason().name(), 0);
    }

    @EventHandler
    void on(CertificateHeld e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        store.count(origin(e.pairId(), seq, at, office, municipality), e.kind().name(), StatisticsOperation.HELD,
                StatisticsStore.NONE, 0);
    }

    @EventHandler
    void on(PinLocked e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        store.count(origin(e.pairId(), seq, at, office, municipality), e.kind().name(), StatisticsOperation.PIN_LOCKED,
                StatisticsStore.NONE, 0);
    }

    @EventHandler
    void on(PinReset e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        store.count(origin(e.pairId(), seq, at, office, municipality), e.kind().name(), StatisticsOperation.PIN_RESET,
                StatisticsStore.NONE, 0);
    }

    @EventHandler
    void on(CertificateExpired e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        store.count(origin(e.pairId(), seq, at, office, municipality), e.kind().name(), StatisticsOperation.EXPIRED,
                StatisticsStore.NONE, 0);
    }

    /** Card work belongs to the pair, not to one certificate: counted with kind {@code -}. */
    @EventHandler
    void on(CardWorkFailed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        store.count(origin(e.pairId(), seq, at, office, municipality), StatisticsStore.NONE,
                StatisticsOperation.CARD_WORK_FAILED, StatisticsStore.NONE, 0);
    }

    @ResetHandler
    void onReset() {
        store.deleteAll();
    }

    @QueryHandler
    List<StatisticsRow> handle(StatisticsQuery query) {
        return store.query(query);
    }

    /**
     * R-PRC-7 prices the pair, not each certificate: the fee is booked once, on the event's first certificate,
     * so that sums over any grouping equal the fees collected.
     */
    private void countSigned(EventOrigin origin, StatisticsOperation operation, List<IssuedCertificate> certificates,
                             int feeYen) {
        for (int i = 0; i < certificates.size(); i++) {
            store.count(origin, certificates.get(i).kind().name(), operation, StatisticsStore.NONE, i == 0 ? feeYen : 0);
        }
    }

    /** Office and municipality come from who did the work; system events fall back to the pair's municipality. */
    private EventOrigin origin(PairId pairId, long seq, Instant at, String office, String municipality) {
        String where = municipality != null ? municipality : store.municipalityOf(pairId).orElse(StatisticsStore.NONE);
        return new EventOrigin(pairId, seq, JapanTime.dateOf(at), office != null ? office : StatisticsStore.NONE, where);
    }
}
