package jp.jpki.lifecycle.query.statistics;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.DAY;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.KIND;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.MUNICIPALITY;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.OFFICE;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.OPERATION;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.REASON;
import static jp.jpki.lifecycle.query.support.PairEvents.cardWorkFailed;
import static jp.jpki.lifecycle.query.support.PairEvents.certificate;
import static jp.jpki.lifecycle.query.support.PairEvents.expired;
import static jp.jpki.lifecycle.query.support.PairEvents.issuanceRequested;
import static jp.jpki.lifecycle.query.support.PairEvents.issued;
import static jp.jpki.lifecycle.query.support.PairEvents.pinLocked;
import static jp.jpki.lifecycle.query.support.PairEvents.revoked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.query.StatisticsDimension;
import jp.jpki.lifecycle.api.query.StatisticsOperation;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import jp.jpki.lifecycle.query.support.EventFeed;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatisticsProjectionTest {
    private static final PairId PAIR_1 = new PairId("pair-0001");
    private static final PairId PAIR_2 = new PairId("pair-0002");
    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate NOT_AFTER = LocalDate.of(2031, 5, 31);
    private static final Map<String, Object> SETAGAYA = Map.of(MetadataKeys.OPERATOR, "clerk-7",
            MetadataKeys.OFFICE, "setagaya-main", MetadataKeys.MUNICIPALITY, "131121");
    private static final Map<String, Object> KITAZAWA = Map.of(MetadataKeys.OPERATOR, "clerk-9",
            MetadataKeys.OFFICE, "kitazawa-branch", MetadataKeys.MUNICIPALITY, "131121");

    private InMemoryMongo mongo;
    private StatisticsProjection projection;
    private EventFeed events;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        projection = new StatisticsProjection(new StatisticsStore(mongo.template(), new StatisticsJournal(mongo.template())));
        events = new EventFeed(projection).at(Instant.parse("2026-04-01T01:00:00Z"));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void counts_per_office_kind_and_operation() {
        events.by(SETAGAYA).feed(PAIR_1, issuanceRequested(PAIR_1, "req-1", "R-1", "CARD-1", SIGN, AUTH),
                issued(PAIR_1, "req-1", 200, certificate(SIGN, "01", NOT_AFTER), certificate(AUTH, "02", NOT_AFTER)),
                pinLocked(PAIR_1, AUTH));
        events.by(KITAZAWA).feed(PAIR_2, issuanceRequested(PAIR_2, "req-2", "R-2", "CARD-2", AUTH),
                issued(PAIR_2, "req-2", 0, certificate(AUTH, "03", NOT_AFTER)));

        assertThat(query(APRIL_1, APRIL_1, OFFICE, KIND, OPERATION)).containsExactly(
                new StatisticsRow(null, "kitazawa-branch", null, "AUTH", StatisticsOperation.ISSUED, null, 1, 0),
                new StatisticsRow(null, "setagaya-main", null, "AUTH", StatisticsOperation.ISSUED, null, 1, 0),
                new StatisticsRow(null, "setagaya-main", null, "AUTH", StatisticsOperation.PIN_LOCKED, null, 1, 0),
                new StatisticsRow(null, "setagaya-main", null, "SIGN", StatisticsOperation.ISSUED, null, 1, 200));
    }

    @Test
    void a_pair_fee_is_booked_once_not_per_certificate_R_PRC_7() {
        events.by(SETAGAYA).feed(PAIR_1, issued(PAIR_1, "req-1", 200, certificate(SIGN, "01", NOT_AFTER),
                certificate(AUTH, "02", NOT_AFTER)));

        assertThat(query(APRIL_1, APRIL_1, OPERATION)).containsExactly(
                new StatisticsRow(null, null, null, null, StatisticsOperation.ISSUED, null, 2, 200));
    }

    @Test
    void revocations_are_counted_per_reason_R_REV_1() {
        events.by(SETAGAYA).feed(PAIR_1, revoked(PAIR_1, SIGN, "01", RevocationReason.AFFILIATION_CHANGED),
                revoked(PAIR_1, AUTH, "02", RevocationReason.KEY_COMPROMISE));
        events.by(SETAGAYA).feed(PAIR_2, revoked(PAIR_2, SIGN, "03", RevocationReason.AFFILIATION_CHANGED));

        assertThat(query(APRIL_1, APRIL_1, OPERATION, REASON)).containsExactly(
                new StatisticsRow(null, null, null, null, StatisticsOperation.REVOKED, "AFFILIATION_CHANGED", 2, 0),
                new StatisticsRow(null, null, null, null, StatisticsOperation.REVOKED, "KEY_COMPROMISE", 1, 0));
    }

    @Test
    void the_day_is_the_japan_date_and_the_range_includes_both_ends() {
        events.by(SETAGAYA).at(Instant.parse("2026-03-31T14:59:59Z")).feed(PAIR_1, pinLocked(PAIR_1, SIGN)); // 03-31 23:59:59 JST
        events.at(Instant.parse("2026-03-31T15:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, AUTH));              // 04-01 00:00 JST
        events.at(Instant.parse("2026-04-30T14:00:00Z")).feed(PAIR_2, pinLocked(PAIR_2, SIGN));     // 04-30 JST
        events.at(Instant.parse("2026-04-30T15:00:00Z")).feed(PAIR_2, pinLocked(PAIR_2, AUTH));     // 05-01 JST

        assertThat(query(APRIL_1, LocalDate.of(2026, 4, 30), DAY)).extracting(StatisticsRow::day, StatisticsRow::count)
                .containsExactly(tuple(APRIL_1, 1L),
                        tuple(LocalDate.of(2026, 4, 30), 1L));
    }

    @Test
    void an_empty_grouping_sums_everything_in_range() {
        events.by(SETAGAYA).feed(PAIR_1, pinLocked(PAIR_1, SIGN), pinLocked(PAIR_1, AUTH));

        assertThat(query(APRIL_1, APRIL_1)).containsExactly(new StatisticsRow(null, null, null, null, null, null, 2, 0));
        assertThat(query(APRIL_1.plusDays(1), APRIL_1.plusDays(1))).isEmpty();
    }

    @Test
    void system_events_count_with_office_dash_and_the_pairs_municipality() {
        events.by(SETAGAYA).feed(PAIR_1, issuanceRequested(PAIR_1, "req-1", "R-1", "CARD-1", SIGN));
        events.bySystem().feed(PAIR_1, expired(PAIR_1, SIGN, "01", NOT_AFTER));
        events.bySystem().feed(PAIR_2, expired(PAIR_2, SIGN, "03", NOT_AFTER));

        assertThat(query(APRIL_1, APRIL_1, OFFICE, MUNICIPALITY, OPERATION)).containsExactly(
                new StatisticsRow(null, "-", "-", null, StatisticsOperation.EXPIRED, null, 1, 0),
                new StatisticsRow(null, "-", "131121", null, StatisticsOperation.EXPIRED, null, 1, 0));
    }

    @Test
    void an_application_delivered_again_after_a_move_does_not_bring_the_old_municipality_back() {
        var first = events.by(SETAGAYA).feed(PAIR_1, issuanceRequested(PAIR_1, "req-1", "R-1", "CARD-1", SIGN));
        events.feed(PAIR_1, pinLocked(PAIR_1, SIGN));
        IssuanceRequested moved = issuanceRequested(PAIR_1, "req-2", "R-1", "CARD-2", SIGN);
        events.feed(PAIR_1, new IssuanceRequested(PAIR_1, moved.requestId(), new HolderFacts("R-1", "131130",
                moved.holder().basicInfo(), false), moved.card(), moved.cardExpiry(), moved.kinds(), moved.applicant(),
                moved.terminalId(), moved.feeYen(), moved.eligibilityOverrideReason()));

        events.redeliver(first);
        events.bySystem().feed(PAIR_1, expired(PAIR_1, SIGN, "01", NOT_AFTER));

        assertThat(query(APRIL_1, APRIL_1, MUNICIPALITY, OPERATION)).contains(
                new StatisticsRow(null, null, "131130", null, StatisticsOperation.EXPIRED, null, 1, 0));
    }

    @Test
    void card_work_failures_count_for_the_pair_not_a_kind() {
        events.by(SETAGAYA).feed(PAIR_1, cardWorkFailed(PAIR_1, "req-1"));

        assertThat(query(APRIL_1, APRIL_1, KIND, OPERATION, REASON)).containsExactly(
                new StatisticsRow(null, null, null, "-", StatisticsOperation.CARD_WORK_FAILED, "-", 1, 0));
    }

    @Test
    void a_redelivered_event_is_not_counted_twice() {
        var issue = events.by(SETAGAYA).feed(PAIR_1, issued(PAIR_1, "req-1", 200, certificate(SIGN, "01", NOT_AFTER),
                certificate(AUTH, "02", NOT_AFTER)));
        var lock = events.feed(PAIR_1, pinLocked(PAIR_1, AUTH));
        events.feed(PAIR_2, pinLocked(PAIR_2, AUTH));

        events.redeliver(lock);
        events.redeliver(issue);
        events.redeliverAll();

        assertThat(query(APRIL_1, APRIL_1, OPERATION)).containsExactly(
                new StatisticsRow(null, null, null, null, StatisticsOperation.ISSUED, null, 2, 200),
                new StatisticsRow(null, null, null, null, StatisticsOperation.PIN_LOCKED, null, 2, 0));
    }

    @Test
    void a_later_event_of_the_same_pair_into_the_same_row_is_counted() {
        events.by(SETAGAYA).feed(PAIR_1, pinLocked(PAIR_1, AUTH), revoked(PAIR_1, SIGN, "01", RevocationReason.KEY_COMPROMISE),
                pinLocked(PAIR_1, AUTH));

        assertThat(query(APRIL_1, APRIL_1, OPERATION)).extracting(StatisticsRow::operation, StatisticsRow::count)
                .contains(tuple(StatisticsOperation.PIN_LOCKED, 2L));
    }

    @Test
    void a_reset_empties_the_statistics_for_a_replay() {
        events.by(SETAGAYA).feed(PAIR_1, pinLocked(PAIR_1, AUTH));

        projection.onReset();

        assertThat(query(APRIL_1, APRIL_1, OPERATION)).isEmpty();
    }

    @Test
    void a_batch_counts_what_the_same_events_one_by_one_count() {
        events.inOneBatch(this::feedSomeOfEverything);
        List<List<StatisticsRow>> batched = everyGrouping();

        projection.onReset();
        events.redeliverAll();

        assertThat(everyGrouping()).isEqualTo(batched);
        assertThat(batched.get(0)).containsExactly(
                new StatisticsRow(null, null, null, null, StatisticsOperation.EXPIRED, null, 1, 0),
                new StatisticsRow(null, null, null, null, StatisticsOperation.ISSUED, null, 3, 200),
                new StatisticsRow(null, null, null, null, StatisticsOperation.PIN_LOCKED, null, 2, 0),
                new StatisticsRow(null, null, null, null, StatisticsOperation.REVOKED, null, 1, 0));
    }

    @Test
    void a_batch_delivered_again_counts_nothing_twice() {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        events.inOneBatch(() -> {
            batch.add(events.by(SETAGAYA).feed(PAIR_1, issued(PAIR_1, "req-1", 200, certificate(SIGN, "01", NOT_AFTER),
                    certificate(AUTH, "02", NOT_AFTER))));
            batch.add(events.feed(PAIR_1, pinLocked(PAIR_1, AUTH)));
            batch.add(events.feed(PAIR_2, pinLocked(PAIR_2, AUTH)));
        });
        events.feed(PAIR_1, pinLocked(PAIR_1, SIGN));

        events.redeliverInOneBatch(batch);
        events.redeliverInOneBatch(List.of(batch.get(2), batch.get(1)));

        assertThat(query(APRIL_1, APRIL_1, OPERATION)).containsExactly(
                new StatisticsRow(null, null, null, null, StatisticsOperation.ISSUED, null, 2, 200),
                new StatisticsRow(null, null, null, null, StatisticsOperation.PIN_LOCKED, null, 3, 0));
    }

    @Test
    void a_range_counts_its_partial_months_from_days_and_its_whole_months_once() {
        events.by(SETAGAYA).at(Instant.parse("2026-03-31T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, SIGN));
        events.at(Instant.parse("2026-04-01T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, AUTH));
        events.at(Instant.parse("2026-04-30T01:00:00Z")).feed(PAIR_2, pinLocked(PAIR_2, SIGN));
        events.at(Instant.parse("2026-05-01T01:00:00Z")).feed(PAIR_2, pinLocked(PAIR_2, AUTH));

        assertThat(total(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 5, 1))).isEqualTo(4);
        assertThat(total(APRIL_1, LocalDate.of(2026, 4, 30))).isEqualTo(2);
        assertThat(total(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 30))).isEqualTo(1);
        assertThat(total(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).isEqualTo(1);
        assertThat(total(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31))).isEqualTo(1);
        assertThat(total(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEqualTo(4);
        assertThat(total(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31))).isEqualTo(4);
    }

    @Test
    void a_range_of_more_documents_than_one_reply_carries_is_read_whole() {
        events.by(SETAGAYA);
        for (int day = 1; day <= 3 * StatisticsStore.PER_REPLY; day++) {
            events.at(Instant.parse("2026-04-01T01:00:00Z").plus(Duration.ofDays(day - 1))).feed(PAIR_1, pinLocked(PAIR_1, SIGN));
        }

        assertThat(query(APRIL_1, LocalDate.of(2026, 4, 30), DAY)).hasSize(3 * StatisticsStore.PER_REPLY);
    }

    @Test
    void a_leap_day_counts_in_its_day_and_in_february() {
        events.by(SETAGAYA).at(Instant.parse("2028-02-29T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, SIGN));

        assertThat(total(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29))).isEqualTo(1);
        assertThat(total(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 29))).isEqualTo(1);
        assertThat(total(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 28))).isZero();
        assertThat(query(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31), DAY))
                .extracting(StatisticsRow::day).containsExactly(LocalDate.of(2028, 2, 29));
    }

    @Test
    void office_ids_with_dots_and_dollars_come_back_as_they_are() {
        events.by(Map.of(MetadataKeys.OFFICE, "$tokyo.shibuya", MetadataKeys.MUNICIPALITY, "131130"))
                .feed(PAIR_1, pinLocked(PAIR_1, SIGN));

        assertThat(query(APRIL_1, APRIL_1, OFFICE, MUNICIPALITY)).containsExactly(
                new StatisticsRow(null, "$tokyo.shibuya", "131130", null, null, null, 1, 0));
    }

    private void feedSomeOfEverything() {
        events.by(SETAGAYA).feed(PAIR_1, issuanceRequested(PAIR_1, "req-1", "R-1", "CARD-1", SIGN, AUTH),
                issued(PAIR_1, "req-1", 200, certificate(SIGN, "01", NOT_AFTER), certificate(AUTH, "02", NOT_AFTER)),
                pinLocked(PAIR_1, AUTH), revoked(PAIR_1, SIGN, "01", RevocationReason.KEY_COMPROMISE));
        events.by(KITAZAWA).at(Instant.parse("2026-04-02T01:00:00Z")).feed(PAIR_2,
                issuanceRequested(PAIR_2, "req-2", "R-2", "CARD-2", AUTH), issued(PAIR_2, "req-2", 0, certificate(AUTH, "03", NOT_AFTER)),
                pinLocked(PAIR_2, AUTH));
        events.bySystem().feed(PAIR_2, expired(PAIR_2, AUTH, "03", NOT_AFTER));
    }

    private List<List<StatisticsRow>> everyGrouping() {
        LocalDate to = LocalDate.of(2026, 4, 30);
        return List.of(query(APRIL_1, to, OPERATION), query(APRIL_1, to, DAY, OFFICE, MUNICIPALITY, KIND, OPERATION, REASON),
                query(APRIL_1, APRIL_1.plusDays(1), OFFICE, KIND), query(APRIL_1, to));
    }

    private long total(LocalDate from, LocalDate to) {
        return query(from, to).stream().mapToLong(StatisticsRow::count).sum();
    }

    private List<StatisticsRow> query(LocalDate from, LocalDate to, StatisticsDimension... groupBy) {
        return projection.handle(new StatisticsQuery(from, to, Set.of(groupBy))).rows();
    }
}
