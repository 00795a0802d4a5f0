package jp.jpki.lifecycle.query.counter;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.expiry.ExpiryNoticeDue;
import jp.jpki.lifecycle.api.expiry.RenewalWindowOpened;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CardWorkFailed;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.proxy.InquiryAnswered;
import jp.jpki.lifecycle.api.proxy.InquiryLetterMailed;
import jp.jpki.lifecycle.api.proxy.ProxyApplicationOpened;
import jp.jpki.lifecycle.api.query.ExpiryNoticeView;
import jp.jpki.lifecycle.api.query.FindExpiryNoticesDue;
import jp.jpki.lifecycle.api.query.FindPair;
import jp.jpki.lifecycle.api.query.FindPairs;
import jp.jpki.lifecycle.api.query.FoundPairs;
import jp.jpki.lifecycle.api.query.DueExpiryNotices;
import jp.jpki.lifecycle.api.query.PairOperation;
import jp.jpki.lifecycle.api.query.PairView;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.BasicInfoChanged;
import jp.jpki.lifecycle.api.move.CardUseContinued;
import jp.jpki.lifecycle.api.move.JurisdictionHandedOver;
import jp.jpki.lifecycle.api.move.MovedOut;
import jp.jpki.lifecycle.api.revocation.CardInvalidated;
import jp.jpki.lifecycle.api.revocation.ResidentRecordRemoved;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.api.revocation.EmigrationWithContinuedUseRecorded;
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
 * The counter view: one document per pair, kept by the pair's events and answering the counter's lookups.
 * Certificate status follows the revocation, hold and expiry events of the current serial only; the events that
 * explain them (basic-info change, card invalidation) only show as the last operation.
 */
@Component
@ProcessingGroup(ProcessingGroups.COUNTER_VIEW)
class CounterViewProjection {
    private final CounterViewStore store;
    private final PairViews views;

    CounterViewProjection(CounterViewStore store, PairViews views) {
        this.store = store;
        this.views = views;
    }

    // ---- issuance, renewal and card work -----------------------------------------------------------------

    @EventHandler
    void on(IssuanceRequested e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.ISSUANCE_REQUESTED, at, operator, office, v -> {
            v.holder(e.holder());
            v.card(e.card().cardId(), e.cardExpiry());
            v.fold(e);
        });
    }

    @EventHandler
    void on(RenewalRequested e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.RENEWAL_REQUESTED, at, operator, office,
                v -> v.fold(e));
    }

    @EventHandler
    void on(CertificatesIssued e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CERTIFICATES_ISSUED, at, operator, office,
                v -> {
                    v.signed(e.certificates());
                    v.fold(e);
                });
    }

    @EventHandler
    void on(CertificatesRenewed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CERTIFICATES_RENEWED, at, operator, office,
                v -> {
                    v.signed(e.certificates());
                    v.fold(e);
                });
    }

    @EventHandler
    void on(CertificatesWrittenToCard e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CERTIFICATES_WRITTEN, at, operator, office, v -> v.fold(e));
    }

    @EventHandler
    void on(CardWorkFailed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CARD_WORK_FAILED, at, operator, office, v -> { });
    }

    @EventHandler
    void on(CardWorkAbandoned e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CARD_WORK_ABANDONED, at, operator, office,
                v -> v.fold(e));
    }

    // ---- PIN --------------------------------------------------------------------------------------------

    @EventHandler
    void on(PinLocked e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.PIN_LOCKED, at, operator, office, v -> v.fold(e));
    }

    @EventHandler
    void on(PinResetRequested e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.PIN_RESET_REQUESTED, at, operator, office,
                v -> v.fold(e));
    }

    @EventHandler
    void on(PinReset e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.PIN_RESET, at, operator, office, v -> v.fold(e));
    }

    // ---- revocation, hold, expiry -------------------------------------------------------------------------

    @EventHandler
    void on(CertificateRevoked e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CERTIFICATE_REVOKED, at, operator, office,
                v -> v.fold(e));
    }

    @EventHandler
    void on(CertificateHeld e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CERTIFICATE_HELD, at, operator, office,
                v -> v.fold(e));
    }

    @EventHandler
    void on(BasicInfoChanged e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.BASIC_INFO_CHANGED, at, operator, office, v -> { });
    }

    @EventHandler
    void on(EmigrationWithContinuedUseRecorded e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.EMIGRATION_WITH_CONTINUED_USE, at, operator, office, v -> { });
    }

    @EventHandler
    void on(MovedOut e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.MOVED_OUT, at, operator, office, v -> { });
    }

    /** The new municipality's staff see the pair from here on, the old one's no longer (R-MOV-2). */
    @EventHandler
    void on(JurisdictionHandedOver e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.JURISDICTION_HANDED_OVER, at, operator, office, v -> v.holder(e.holder()));
    }

    @EventHandler
    void on(CardUseContinued e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CARD_USE_CONTINUED, at, operator, office, v -> { });
    }

    @EventHandler
    void on(ResidentRecordRemoved e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.RESIDENT_RECORD_REMOVED, at, operator, office, v -> { });
    }

    @EventHandler
    void on(CardInvalidated e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CARD_INVALIDATED, at, operator, office, v -> { });
    }

    @EventHandler
    void on(CertificateExpired e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.CERTIFICATE_EXPIRED, at, operator, office,
                v -> v.fold(e));
    }

    @EventHandler
    void on(RenewalWindowOpened e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        // The window itself is computed from notAfter at read time (R-REN-1); the event only marks the moment.
        update(e.pairId(), seq, PairOperation.RENEWAL_WINDOW_OPENED, at, operator, office, v -> { });
    }

    @EventHandler
    void on(ExpiryNoticeDue e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.EXPIRY_NOTICE_DUE, at, operator, office,
                v -> v.certificate(e.kind()).expiryNoticeDue(e.serialHex(), JapanTime.dateOf(at)));
    }

    // ---- voluntary proxy (R-PRC-2) ------------------------------------------------------------------------

    @EventHandler
    void on(ProxyApplicationOpened e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.PROXY_APPLICATION_OPENED, at, operator, office, v -> {
            if (v.residentRef() == null) {
                v.holder(e.holder()); // a first issue by proxy: the pair starts with visit 1
            }
            v.proxyApplicationOpened(new ProxyApplicationEntry(e.applicationId(), e.procedure(), e.kinds(), null, false));
        });
    }

    @EventHandler
    void on(InquiryLetterMailed e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.INQUIRY_LETTER_MAILED, at, operator, office,
                v -> v.proxyApplication(e.applicationId(), a -> a.withLetterMailedOn(e.mailedOn())));
    }

    @EventHandler
    void on(InquiryAnswered e, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.OPERATOR) String operator, @MetaDataValue(MetadataKeys.OFFICE) String office) {
        update(e.pairId(), seq, PairOperation.INQUIRY_ANSWERED, at, operator, office,
                v -> v.proxyApplication(e.applicationId(), ProxyApplicationEntry::withAnswer));
    }

    @ResetHandler
    void onReset() {
        store.deleteAll();
    }

    // ---- queries ------------------------------------------------------------------------------------------

    @QueryHandler
    Optional<PairView> handle(FindPair query) {
        return store.find(query.pairId()).map(views::toView);
    }

    @QueryHandler
    FoundPairs handle(FindPairs query) {
        return new FoundPairs(store.find(query).stream().map(views::toView).toList());
    }

    /** R-REN-4: a notice is due in month M when notAfter − 3 months lies in M, that is when notAfter lies in M + 3. */
    @QueryHandler
    DueExpiryNotices handle(FindExpiryNoticesDue query) {
        YearMonth expiring = query.month().plusMonths(3);
        return new DueExpiryNotices(Arrays.stream(CertificateKind.values())
                .flatMap(kind -> store.activeExpiringBetween(kind, expiring.atDay(1), expiring.atEndOfMonth()).stream()
                        .map(view -> new ExpiryNoticeView(view.pairId(), kind, view.certificate(kind).notAfter())))
                .sorted(Comparator.comparing(ExpiryNoticeView::notAfter).thenComparing(ExpiryNoticeView::pairId)
                        .thenComparing(ExpiryNoticeView::kind))
                .toList());
    }

    private void update(PairId pairId, long seq, PairOperation operation, Instant at, String operator, String office,
                        Consumer<CounterViewDocument> change) {
        store.update(pairId, seq, new LastOperationEntry(operation, at, operator, office), change);
    }
}
