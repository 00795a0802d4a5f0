package jp.jpki.lifecycle.query.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CardWorkFailed;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.move.JurisdictionHandedOver;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.proxy.ProxyApplicationOpened;
import jp.jpki.lifecycle.api.query.StatisticsOperation;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsTable;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.api.time.JapanTime;
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
    void on(IssuanceRequested e, @SequenceNumber long seq) {
        store.inBatch(batch -> batch.rememberMunicipality(e.pairId(), seq, e.holder().municipalityCode()));
    }

    /** Events the system raises after a move count for the new municipality (R-MOV-2). */
    @EventHandler
    void on(JurisdictionHandedOver e, @SequenceNumber long seq) {
        store.inBatch(batch -> batch.rememberMunicipality(e.pairId(), seq, e.toMunicipalityCode()));
    }

    @EventHandler
    void on(ProxyApplicationOpened e, @SequenceNumber long seq) {
        store.inBatch(batch -> batch.rememberMunicipality(e.pairId(), seq, e.holder().municipalityCode()));
    }

    @EventHandler
    void on(CertificatesIssued e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        count(e.pairId(), seq, at, office, municipality,
                signed(StatisticsOperation.ISSUED, e.certificates(), e.feeYen()));
    }

    @EventHandler
    void on(CertificatesRenewed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        count(e.pairId(), seq, at, office, municipality,
                signed(StatisticsOperation.RENEWED, e.certificates(), e.feeYen()));
    }

    @EventHandler
    void on(CertificateRevoked e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        count(e.pairId(), seq, at, office, municipality,
                feeless(e.kind().name(), StatisticsOperation.REVOKED, e.reason().name()));
    }

    @EventHandler
    void on(CertificateHeld e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        count(e.pairId(), seq, at, office, municipality,
                feeless(e.kind().name(), StatisticsOperation.HELD, StatisticsStore.NONE));
    }

    @EventHandler
    void on(PinLocked e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        count(e.pairId(), seq, at, office, municipality,
                feeless(e.kind().name(), StatisticsOperation.PIN_LOCKED, StatisticsStore.NONE));
    }

    @EventHandler
    void on(PinReset e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        count(e.pairId(), seq, at, office, municipality,
                feeless(e.kind().name(), StatisticsOperation.PIN_RESET, StatisticsStore.NONE));
    }

    @EventHandler
    void on(CertificateExpired e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        count(e.pairId(), seq, at, office, municipality,
                feeless(e.kind().name(), StatisticsOperation.EXPIRED, StatisticsStore.NONE));
    }

    /** Card work belongs to the pair, not to one certificate: counted with kind {@code -}. */
    @EventHandler
    void on(CardWorkFailed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OFFICE) String office, @MetaDataValue(MetadataKeys.MUNICIPALITY) String municipality) {
        count(e.pairId(), seq, at, office, municipality,
                feeless(StatisticsStore.NONE, StatisticsOperation.CARD_WORK_FAILED, StatisticsStore.NONE));
    }

    @ResetHandler
    void onReset() {
        store.deleteAll();
    }

    @QueryHandler
    StatisticsTable handle(StatisticsQuery query) {
        return new StatisticsTable(store.query(query));
    }

    /**
     * R-PRC-7 prices the pair, not each certificate: the fee is booked once, on the event's first certificate,
     * so that sums over any grouping equal the fees collected.
     */
    private static List<StatisticsTally> signed(StatisticsOperation operation, List<IssuedCertificate> certificates,
                                                int feeYen) {
        List<StatisticsTally> tallies = new ArrayList<>(certificates.size());
        for (int i = 0; i < certificates.size(); i++) {
            tallies.add(new StatisticsTally(certificates.get(i).kind().name(), operation, StatisticsStore.NONE,
                    i == 0 ? feeYen : 0));
        }
        return tallies;
    }

    private static List<StatisticsTally> feeless(String kind, StatisticsOperation operation, String reason) {
        return List.of(new StatisticsTally(kind, operation, reason, 0));
    }

    /** Office and municipality come from who did the work; system events fall back to the pair's municipality. */
    private void count(PairId pairId, long seq, Instant at, String office, String municipality,
                       List<StatisticsTally> tallies) {
        store.inBatch(batch -> {
            String where = municipality != null ? municipality : batch.municipalityOf(pairId).orElse(StatisticsStore.NONE);
            batch.count(new EventOrigin(pairId, seq, JapanTime.dateOf(at), office != null ? office : StatisticsStore.NONE,
                    where), tallies);
        });
    }
}
