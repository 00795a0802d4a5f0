package jp.jpki.lifecycle.query.counter;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static jp.jpki.lifecycle.query.support.PairEvents.addressChanged;
import static jp.jpki.lifecycle.query.support.PairEvents.cardWorkAbandoned;
import static jp.jpki.lifecycle.query.support.PairEvents.certificate;
import static jp.jpki.lifecycle.query.support.PairEvents.expired;
import static jp.jpki.lifecycle.query.support.PairEvents.expiryNoticeDue;
import static jp.jpki.lifecycle.query.support.PairEvents.held;
import static jp.jpki.lifecycle.query.support.PairEvents.issuanceRequested;
import static jp.jpki.lifecycle.query.support.PairEvents.issued;
import static jp.jpki.lifecycle.query.support.PairEvents.pinLocked;
import static jp.jpki.lifecycle.query.support.PairEvents.pinReset;
import static jp.jpki.lifecycle.query.support.PairEvents.pinResetRequested;
import static jp.jpki.lifecycle.query.support.PairEvents.renewalRequested;
import static jp.jpki.lifecycle.query.support.PairEvents.renewed;
import static jp.jpki.lifecycle.query.support.PairEvents.revoked;
import static jp.jpki.lifecycle.query.support.PairEvents.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.proxy.InquiryAnswered;
import jp.jpki.lifecycle.api.proxy.InquiryLetterMailed;
import jp.jpki.lifecycle.api.proxy.ProxyApplicationOpened;
import jp.jpki.lifecycle.api.query.CertificateView;
import jp.jpki.lifecycle.api.query.FindPair;
import jp.jpki.lifecycle.api.query.FindPairs;
import jp.jpki.lifecycle.api.query.LastOperation;
import jp.jpki.lifecycle.api.query.PairOperation;
import jp.jpki.lifecycle.api.query.PairView;
import jp.jpki.lifecycle.api.query.ProxyApplicationView;
import jp.jpki.lifecycle.api.time.JapanTime;
import jp.jpki.lifecycle.query.support.EventFeed;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import jp.jpki.lifecycle.query.support.PairEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

class CounterViewProjectionTest {
    private static final PairId PAIR = new PairId("pair-0001");
    private static final LocalDate SIGN_NOT_AFTER = LocalDate.of(2031, 5, 31);
    private static final LocalDate AUTH_NOT_AFTER = LocalDate.of(2031, 11, 14);

    private InMemoryMongo mongo;
    private MongoTemplate template;
    private CounterViewProjection projection;
    private EventFeed events;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        template = mongo.template();
        projection = projectionAt(Instant.parse("2026-04-01T03:00:00Z"));
        events = new EventFeed(projection);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void an_issuance_shows_issuing_until_the_certificates_are_on_the_card() {
        events.feed(PAIR, issuanceRequested(PAIR, "req-1", "R-000001", "CARD-0001", SIGN, AUTH));
        assertThat(sign().status()).isEqualTo(CertificateStatus.ISSUING);
        assertThat(sign().pendingRequestId()).isEqualTo("req-1");

        events.feed(PAIR, issued(PAIR, "req-1", 0, certificate(SIGN, "0a1b", SIGN_NOT_AFTER),
                certificate(AUTH, "0A1C", AUTH_NOT_AFTER)));
        assertThat(sign().status()).as("signed is not valid until written").isEqualTo(CertificateStatus.ISSUING);
        assertThat(sign().serialHex()).isNull();

        events.feed(PAIR, written(PAIR, "req-1", "0a1b", "0A1C"));
        PairView view = view();
        assertThat(view.residentRef()).isEqualTo("R-000001");
        assertThat(view.municipalityCode()).isEqualTo("131121");
        assertThat(view.cardId()).isEqualTo("CARD-0001");
        assertThat(view.certificates().get(SIGN)).extracting(CertificateView::status, CertificateView::serialHex,
                        CertificateView::notAfter, CertificateView::pendingRequestId)
                .containsExactly(CertificateStatus.ACTIVE, "0a1b", SIGN_NOT_AFTER, null);
        assertThat(view.certificates().get(AUTH).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(view.lastOperation()).isEqualTo(new LastOperation(PairOperation.CERTIFICATES_WRITTEN,
                Instant.parse("2026-04-01T01:00:00Z"), "clerk-7", "setagaya-main"));
    }

    @Test
    void a_pair_through_lock_reset_basic_info_change_hold_and_revocation() {
        issueBoth();

        events.feed(PAIR, pinLocked(PAIR, AUTH));
        assertThat(auth().pinLocked()).isTrue();
        assertThat(auth().status()).as("R-PIN-3: a lock is not a certificate status").isEqualTo(CertificateStatus.ACTIVE);

        events.feed(PAIR, pinResetRequested(PAIR, "req-2", AUTH));
        assertThat(auth().pendingRequestId()).isEqualTo("req-2");
        events.feed(PAIR, pinReset(PAIR, "req-2", AUTH));
        assertThat(auth()).extracting(CertificateView::pinLocked, CertificateView::pendingRequestId,
                CertificateView::serialHex).as("R-PIN-4: a reset issues no new certificate").containsExactly(false, null, "0A1C");

        events.feed(PAIR, addressChanged(PAIR), revoked(PAIR, SIGN, "0a1b", RevocationReason.AFFILIATION_CHANGED));
        assertThat(sign()).extracting(CertificateView::status, CertificateView::revocationReason)
                .containsExactly(CertificateStatus.REVOKED, RevocationReason.AFFILIATION_CHANGED);
        assertThat(auth().status()).as("R-REV-2: AUTH survives a basic-info change").isEqualTo(CertificateStatus.ACTIVE);

        events.feed(PAIR, held(PAIR, AUTH, "0A1C"));
        assertThat(auth()).extracting(CertificateView::status, CertificateView::revocationReason)
                .containsExactly(CertificateStatus.ON_HOLD, RevocationReason.CERTIFICATE_HOLD);

        events.feed(PAIR, revoked(PAIR, AUTH, "0A1C", RevocationReason.KEY_COMPROMISE));
        assertThat(auth()).extracting(CertificateView::status, CertificateView::revocationReason)
                .as("R-REV-4: a hold ends only in revocation").containsExactly(CertificateStatus.REVOKED, RevocationReason.KEY_COMPROMISE);
        assertThat(view().lastOperation().type()).isEqualTo(PairOperation.CERTIFICATE_REVOKED);
    }

    @Test
    void a_renewal_replaces_the_serial_and_the_superseded_revocation_leaves_the_new_one_active() {
        issueBoth();
        events.feed(PAIR, renewalRequested(PAIR, "req-3", AUTH));
        assertThat(auth()).extracting(CertificateView::status, CertificateView::pendingRequestId)
                .as("the old certificate stays valid while renewing").containsExactly(CertificateStatus.ACTIVE, "req-3");

        LocalDate renewedUntil = LocalDate.of(2032, 11, 14);
        events.feed(PAIR, renewed(PAIR, "req-3", Map.of(AUTH, "0A1C"), certificate(AUTH, "0B2D", renewedUntil)),
                written(PAIR, "req-3", "0B2D"),
                revoked(PAIR, AUTH, "0A1C", RevocationReason.SUPERSEDED));

        assertThat(auth()).extracting(CertificateView::status, CertificateView::serialHex, CertificateView::notAfter)
                .as("R-REN-2").containsExactly(CertificateStatus.ACTIVE, "0B2D", renewedUntil);
        assertThat(projection.handle(FindPairs.bySerial("0A1C")).pairs()).extracting(PairView::pairId)
                .as("an old serial still finds the pair").containsExactly(PAIR.value());
    }

    @Test
    void an_abandoned_issuance_puts_the_slot_back_and_the_compensated_serial_does_not_show() {
        issueBoth();
        events.feed(PAIR, revoked(PAIR, SIGN, "0a1b", RevocationReason.CESSATION_OF_OPERATION),
                issuanceRequested(PAIR, "req-4", "R-000001", "CARD-0001", SIGN),
                issued(PAIR, "req-4", 0, certificate(SIGN, "0C3E", SIGN_NOT_AFTER)));
        assertThat(sign().status()).isEqualTo(CertificateStatus.ISSUING);

        events.feed(PAIR, revoked(PAIR, SIGN, "0C3E", RevocationReason.UNSPECIFIED), cardWorkAbandoned(PAIR, "req-4"));

        assertThat(sign()).extracting(CertificateView::status, CertificateView::serialHex,
                        CertificateView::revocationReason, CertificateView::pendingRequestId)
                .containsExactly(CertificateStatus.REVOKED, "0a1b", RevocationReason.CESSATION_OF_OPERATION, null);
        assertThat(auth().status()).isEqualTo(CertificateStatus.ACTIVE);
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        issueBoth();
        var lock = events.feed(PAIR, pinLocked(PAIR, AUTH));
        events.feed(PAIR, pinResetRequested(PAIR, "req-2", AUTH));
        events.feed(PAIR, pinReset(PAIR, "req-2", AUTH));
        PairView before = view();

        events.redeliver(lock);

        assertThat(auth().pinLocked()).as("the lock before the reset must not come back").isFalse();
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void replaying_the_whole_stream_gives_the_same_view() {
        issueBoth();
        events.feed(PAIR, pinLocked(PAIR, SIGN), held(PAIR, AUTH, "0A1C"));
        PairView before = view();
        long sequenceBefore = template.findById(PAIR.value(), CounterViewDocument.class).lastSequence();

        events.redeliverAll();

        assertThat(view()).isEqualTo(before);
        assertThat(template.findById(PAIR.value(), CounterViewDocument.class).lastSequence()).isEqualTo(sequenceBefore);
    }

    @Test
    void a_batch_gives_the_view_one_event_at_a_time_gives() {
        PairId other = new PairId("pair-0002");
        events.inOneBatch(() -> {
            issueBoth();
            events.feed(other, issuanceRequested(other, "req-9", "R-000002", "CARD-0002", AUTH));
            events.feed(PAIR, pinLocked(PAIR, SIGN), held(PAIR, AUTH, "0A1C"));
        });
        PairView batched = view();
        PairView otherBatched = projection.handle(new FindPair(other)).orElseThrow();

        projection.onReset();
        events.redeliverAll();

        assertThat(view()).isEqualTo(batched);
        assertThat(projection.handle(new FindPair(other))).contains(otherBatched);
        assertThat(projection.handle(FindPairs.bySerial("0a1c")).pairs()).extracting(PairView::pairId).containsExactly("pair-0001");
        assertThat(projection.handle(FindPairs.byCardId("CARD-0002")).pairs()).extracting(PairView::pairId).containsExactly("pair-0002");
    }

    @Test
    void a_batch_delivered_again_changes_nothing() {
        issueBoth();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        events.inOneBatch(() -> {
            batch.add(events.feed(PAIR, pinLocked(PAIR, AUTH)));
            batch.add(events.feed(PAIR, pinResetRequested(PAIR, "req-2", AUTH)));
        });
        events.feed(PAIR, pinReset(PAIR, "req-2", AUTH));
        PairView before = view();

        events.redeliverInOneBatch(batch);

        assertThat(view()).isEqualTo(before);
        assertThat(auth().pinLocked()).isFalse();
    }

    @Test
    void a_batch_that_fails_writes_nothing() {
        issueBoth();
        PairView before = view();

        assertThatThrownBy(() -> events.inOneBatch(() -> {
            events.feed(PAIR, pinLocked(PAIR, AUTH));
            events.feed(PAIR, pinLocked(PAIR, null)); // the handler fails on it
        })).isInstanceOf(IllegalStateException.class);

        assertThat(view()).isEqualTo(before);
    }

    @Test
    void system_events_show_without_operator_and_office() {
        issueBoth();
        events.bySystem().feed(PAIR, expired(PAIR, SIGN, "0a1b", SIGN_NOT_AFTER));

        assertThat(sign().status()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(view().lastOperation()).extracting(LastOperation::type, LastOperation::operatorId, LastOperation::officeId)
                .containsExactly(PairOperation.CERTIFICATE_EXPIRED, null, null);
    }

    @Test
    void renewal_window_opens_the_day_after_notAfter_minus_3_months_R_REN_1() {
        issueBoth(); // SIGN notAfter 2031-05-31: 02-28 (clamped) + 1 day = 03-01

        assertThat(signAt("2031-02-27T15:00:00Z")).as("2031-02-28 JST")
                .extracting(CertificateView::renewalWindowOpensOn, CertificateView::renewalWindowOpen)
                .containsExactly(LocalDate.of(2031, 3, 1), false);
        assertThat(signAt("2031-02-28T15:00:00Z").renewalWindowOpen()).as("2031-03-01 JST").isTrue();
        assertThat(signAt("2031-05-31T14:59:59Z").renewalWindowOpen()).as("2031-05-31 23:59:59 JST").isTrue();
        assertThat(signAt("2031-05-31T15:00:00Z").renewalWindowOpen()).as("2031-06-01 JST").isFalse();
    }

    @Test
    void renewal_window_is_never_open_for_a_revoked_certificate_R_REN_1() {
        issueBoth();
        events.feed(PAIR, revoked(PAIR, SIGN, "0a1b", RevocationReason.KEY_COMPROMISE));

        assertThat(signAt("2031-04-01T03:00:00Z").renewalWindowOpen()).isFalse();
    }

    @Test
    void an_expiry_notice_shows_the_jst_day_it_fell_due_R_REN_4() {
        issueBoth();
        events.bySystem().at(Instant.parse("2031-02-27T15:00:00Z"))
                .feed(PAIR, expiryNoticeDue(PAIR, SIGN, "0a1b", SIGN_NOT_AFTER));

        assertThat(sign().expiryNoticeDueOn()).isEqualTo(LocalDate.of(2031, 2, 28));
    }

    @Test
    void a_proxy_application_is_listed_from_visit_1_until_answered_R_PRC_2() {
        events.feed(PAIR, new ProxyApplicationOpened(PAIR, "app-1", Procedure.ISSUANCE, Set.of(SIGN, AUTH),
                        PairEvents.holder("R-000001")),
                new InquiryLetterMailed(PAIR, "app-1", LocalDate.of(2026, 4, 1)));

        PairView view = view();
        assertThat(view.residentRef()).as("a first issue by proxy starts the pair on visit 1").isEqualTo("R-000001");
        assertThat(view.certificates().get(SIGN).status()).as("nothing is issued on visit 1").isEqualTo(CertificateStatus.NONE);
        assertThat(view.proxyApplications()).containsExactly(new ProxyApplicationView("app-1", Procedure.ISSUANCE,
                Set.of(SIGN, AUTH), LocalDate.of(2026, 4, 1), false));

        events.feed(PAIR, new InquiryAnswered(PAIR, "app-1"));
        assertThat(view().proxyApplications()).extracting(ProxyApplicationView::answered).containsExactly(true);
    }

    @Test
    void lookups_by_resident_ref_card_id_and_serial_in_any_case() {
        issueBoth();
        PairId other = new PairId("pair-0002");
        events.feed(other, issuanceRequested(other, "req-9", "R-000002", "CARD-0002", AUTH));

        assertThat(projection.handle(FindPairs.byResidentRef("R-000001")).pairs()).extracting(PairView::pairId).containsExactly("pair-0001");
        assertThat(projection.handle(FindPairs.byCardId("CARD-0002")).pairs()).extracting(PairView::pairId).containsExactly("pair-0002");
        assertThat(projection.handle(FindPairs.bySerial("0A1B")).pairs()).extracting(PairView::pairId).containsExactly("pair-0001");
        assertThat(projection.handle(FindPairs.byCardId("CARD-9999")).pairs()).isEmpty();
        assertThat(projection.handle(new FindPair(new PairId("pair-9999")))).isEmpty();
    }

    @Test
    void lookup_fields_and_expiry_dates_are_indexed() {
        assertThat(template.indexOps(CounterViewDocument.class).getIndexInfo()).extracting(IndexInfo::getName)
                .contains("residentRef", "cardId", "serials", "SIGN_notAfter", "AUTH_notAfter");
    }

    @Test
    void dates_are_stored_as_iso_strings_whatever_the_server_zone() {
        issueBoth();

        var stored = template.getCollection(CounterViewDocument.COLLECTION).find().first();
        assertThat(stored.get("cardExpiry")).isEqualTo("2034-11-14");
        assertThat(stored.get("certificates", Document.class).get("SIGN", Document.class)
                .get("notAfter")).isEqualTo("2031-05-31");
    }

    @Test
    void a_reset_empties_the_view_for_a_replay() {
        issueBoth();

        projection.onReset();

        assertThat(projection.handle(new FindPair(PAIR))).isEmpty();
        assertThat(template.indexOps(CounterViewDocument.class).getIndexInfo()).extracting(IndexInfo::getName).contains("serials");
    }

    private void issueBoth() {
        events.by(Map.of(MetadataKeys.OPERATOR, "clerk-7", MetadataKeys.OFFICE, "setagaya-main"))
                .feed(PAIR, issuanceRequested(PAIR, "req-1", "R-000001", "CARD-0001", SIGN, AUTH),
                        issued(PAIR, "req-1", 0, certificate(SIGN, "0a1b", SIGN_NOT_AFTER),
                                certificate(AUTH, "0A1C", AUTH_NOT_AFTER)),
                        written(PAIR, "req-1", "0a1b", "0A1C"));
    }

    private CounterViewProjection projectionAt(Instant now) {
        CounterViewStore store = new CounterViewStore(template);
        store.afterPropertiesSet();
        return new CounterViewProjection(store, new PairViews(Clock.fixed(now, JapanTime.ZONE)));
    }

    private PairView view() {
        return projection.handle(new FindPair(PAIR)).orElseThrow();
    }

    private CertificateView sign() {
        return view().certificates().get(SIGN);
    }

    private CertificateView auth() {
        return view().certificates().get(AUTH);
    }

    private CertificateView signAt(String instant) {
        return projectionAt(Instant.parse(instant)).handle(new FindPair(PAIR)).orElseThrow().certificates().get(SIGN);
    }
}
