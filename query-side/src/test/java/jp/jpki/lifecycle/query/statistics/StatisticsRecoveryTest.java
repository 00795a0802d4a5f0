package jp.jpki.lifecycle.query.statistics;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.DAY;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.OPERATION;
import static jp.jpki.lifecycle.query.support.PairEvents.certificate;
import static jp.jpki.lifecycle.query.support.PairEvents.issuanceRequested;
import static jp.jpki.lifecycle.query.support.PairEvents.issued;
import static jp.jpki.lifecycle.query.support.PairEvents.pinLocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.query.StatisticsDimension;
import jp.jpki.lifecycle.api.query.StatisticsOperation;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import jp.jpki.lifecycle.query.support.EventFeed;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A process that dies part way through applying a batch's journal entry, then starts again and is handed the same
 * batch (its token was not stored): every event counts exactly once, in the day, month and year documents.
 */
class StatisticsRecoveryTest {
    private static final PairId PAIR_1 = new PairId("pair-0001");
    private static final PairId PAIR_2 = new PairId("pair-0002");
    /** Counted in January 2026 and January 2027, before the batch that crashes. */
    private static final PairId PAIR_9 = new PairId("pair-0009");
    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate APRIL_2 = LocalDate.of(2026, 4, 2);
    private static final LocalDate NOT_AFTER = LocalDate.of(2031, 5, 31);

    private InMemoryMongo mongo;
    private final List<DomainEventMessage<?>> batch = new ArrayList<>();

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        EventFeed earlier = new EventFeed(projection(new StatisticsJournal(mongo.template())));
        earlier.at(Instant.parse("2026-01-10T01:00:00Z")).feed(PAIR_9, pinLocked(PAIR_9, SIGN));
        earlier.at(Instant.parse("2027-01-05T01:00:00Z")).feed(PAIR_9, pinLocked(PAIR_9, AUTH));
        assertThat(mongo.template().getCollection(StatisticsStore.YEARS).find(new Document("_id", "2026")).first())
                .as("2026 is over: the batches below count into its document too").isNotNull();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void a_crash_after_the_journal_entry_is_written_and_before_it_is_applied() {
        crashIn(StatisticsStore.DAYS, 0);

        assertThat(mongo.template().getCollection(StatisticsJournal.COLLECTION).find(new Document("_id", "statistics")).first().getString("state"))
                .isEqualTo("applying");
        assertExactCountsAfterRestart();
    }

    @Test
    void a_crash_while_the_day_documents_are_written() {
        crashIn(StatisticsStore.DAYS, 1);

        assertExactCountsAfterRestart();
    }

    @Test
    void a_crash_after_the_days_and_before_the_months() {
        crashIn(StatisticsStore.MONTHS, 0);

        assertExactCountsAfterRestart();
    }

    @Test
    void a_crash_after_the_months_and_before_the_years() {
        crashIn(StatisticsStore.YEARS, 0);

        assertExactCountsAfterRestart();
    }

    @Test
    void a_crash_after_the_periods_were_applied_and_before_the_guards() {
        crashIn(StatisticsStore.PAIRS, 0);

        assertExactCountsAfterRestart();
    }

    @Test
    void a_journal_left_applying_is_finished_by_the_next_batch_even_if_its_own_is_never_delivered_again() {
        crashIn(StatisticsStore.MONTHS, 0);

        new EventFeed(projection(new StatisticsJournal(mongo.template()))).at(Instant.parse("2026-04-02T01:00:00Z"))
                .feed(new PairId("pair-0003"), pinLocked(new PairId("pair-0003"), SIGN));

        assertThat(query(projection(new StatisticsJournal(mongo.template())), APRIL_1, LocalDate.of(2026, 4, 30), OPERATION))
                .containsExactly(new StatisticsRow(null, null, null, null, StatisticsOperation.ISSUED, null, 2, 200),
                        new StatisticsRow(null, null, null, null, StatisticsOperation.PIN_LOCKED, null, 3, 0));
    }

    @Test
    void a_failed_apply_in_a_running_process_is_finished_before_its_redelivery() {
        CrashingJournal journal = new CrashingJournal(mongo.template(), StatisticsStore.PAIRS, 0);
        StatisticsProjection projection = projection(journal);
        EventFeed events = new EventFeed(projection);
        assertThatThrownBy(() -> events.inOneBatch(() -> feedTwoDays(events))).isInstanceOf(IllegalStateException.class);

        journal.healed = true;
        events.redeliverInOneBatch(batch);

        assertExactCounts(projection);
    }

    /** Feeds one batch over two days whose apply dies in {@code collection} after {@code written} documents. */
    private void crashIn(String collection, int written) {
        EventFeed events = new EventFeed(projection(new CrashingJournal(mongo.template(), collection, written)));
        assertThatThrownBy(() -> events.inOneBatch(() -> feedTwoDays(events))).isInstanceOf(IllegalStateException.class);
    }

    private void feedTwoDays(EventFeed events) {
        events.at(Instant.parse("2026-04-01T01:00:00Z"));
        batch.add(events.feed(PAIR_1, issuanceRequested(PAIR_1, "req-1", "R-1", "CARD-1", SIGN, AUTH)));
        batch.add(events.feed(PAIR_1, issued(PAIR_1, "req-1", 200, certificate(SIGN, "01", NOT_AFTER),
                certificate(AUTH, "02", NOT_AFTER))));
        events.at(Instant.parse("2026-04-02T01:00:00Z"));
        batch.add(events.feed(PAIR_1, pinLocked(PAIR_1, AUTH)));
        batch.add(events.feed(PAIR_2, pinLocked(PAIR_2, SIGN)));
    }

    private void assertExactCountsAfterRestart() {
        StatisticsProjection restarted = projection(new StatisticsJournal(mongo.template()));
        new EventFeed(restarted).redeliverInOneBatch(batch);

        assertExactCounts(restarted);
    }

    private void assertExactCounts(StatisticsProjection projection) {
        assertThat(query(projection, APRIL_1, LocalDate.of(2026, 4, 30), OPERATION)).as("from the month document")
                .containsExactly(new StatisticsRow(null, null, null, null, StatisticsOperation.ISSUED, null, 2, 200),
                        new StatisticsRow(null, null, null, null, StatisticsOperation.PIN_LOCKED, null, 2, 0));
        assertThat(query(projection, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), OPERATION)).as("from the year document")
                .containsExactly(new StatisticsRow(null, null, null, null, StatisticsOperation.ISSUED, null, 2, 200),
                        new StatisticsRow(null, null, null, null, StatisticsOperation.PIN_LOCKED, null, 3, 0));
        assertThat(query(projection, APRIL_1, LocalDate.of(2026, 4, 30), DAY, OPERATION)).as("from the day documents")
                .containsExactly(new StatisticsRow(APRIL_1, null, null, null, StatisticsOperation.ISSUED, null, 2, 200),
                        new StatisticsRow(APRIL_2, null, null, null, StatisticsOperation.PIN_LOCKED, null, 2, 0));
        assertThat(mongo.template().getCollection(StatisticsStore.PAIRS).find().into(new ArrayList<>()))
                .extracting(pair -> pair.get("counted")).containsExactlyInAnyOrder(2L, 0L, 1L);
    }

    private StatisticsProjection projection(StatisticsJournal journal) {
        return new StatisticsProjection(new StatisticsStore(mongo.template(), journal));
    }

    private static List<StatisticsRow> query(StatisticsProjection projection, LocalDate from, LocalDate to,
                                             StatisticsDimension... groupBy) {
        return projection.handle(new StatisticsQuery(from, to, Set.of(groupBy))).rows();
    }

    /** Dies once it has written {@code written} documents of {@code collection}, as a killed process would. */
    private static final class CrashingJournal extends StatisticsJournal {
        private final String collection;
        private final int written;
        boolean healed;

        CrashingJournal(MongoTemplate mongo, String collection, int written) {
            super(mongo);
            this.collection = collection;
            this.written = written;
        }

        @Override
        void writePeriods(String collection, List<Document> periods, long batch) {
            if (!healed && collection.equals(this.collection)) {
                super.writePeriods(collection, periods.subList(0, written), batch);
                throw new IllegalStateException("killed");
            }
            super.writePeriods(collection, periods, batch);
        }

        @Override
        void writePairs(List<Document> pairs) {
            if (!healed && collection.equals(StatisticsStore.PAIRS)) {
                super.writePairs(pairs.subList(0, written));
                throw new IllegalStateException("killed");
            }
            super.writePairs(pairs);
        }
    }
}
