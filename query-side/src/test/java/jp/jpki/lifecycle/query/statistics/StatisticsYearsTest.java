package jp.jpki.lifecycle.query.statistics;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.KIND;
import static jp.jpki.lifecycle.api.query.StatisticsDimension.OPERATION;
import static jp.jpki.lifecycle.query.support.PairEvents.pinLocked;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.query.StatisticsOperation;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import jp.jpki.lifecycle.query.support.EventFeed;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store whose statistics were counted without year documents gets them, summed from its months, before its next
 * batch counts; a whole year is then read from its year document.
 */
class StatisticsYearsTest {
    private static final PairId PAIR_1 = new PairId("pair-0001");
    private static final PairId PAIR_2 = new PairId("pair-0002");
    private static final PairId PAIR_3 = new PairId("pair-0003");
    private static final LocalDate JANUARY_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate DECEMBER_31 = LocalDate.of(2026, 12, 31);

    private InMemoryMongo mongo;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void a_store_counted_from_its_first_event_is_marked_complete_and_counts_its_years() {
        EventFeed events = new EventFeed(projection());
        events.at(Instant.parse("2026-04-01T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, SIGN));

        assertThat(marker()).isNotNull();
        assertThat(year("2026")).isNotNull();
        assertThat(wholeYear(projection())).containsExactly(pinLocks(1));
    }

    @Test
    void years_missing_from_a_store_counted_without_them_are_summed_from_its_months() {
        countInThreeMonths();
        forgetYears();

        StatisticsProjection restarted = projection();
        assertThat(wholeYear(restarted)).as("from the months until the years are complete").containsExactly(pinLocks(3));
        new EventFeed(restarted).at(Instant.parse("2026-09-01T01:00:00Z")).feed(PAIR_3, pinLocked(PAIR_3, SIGN));

        assertThat(marker()).isNotNull();
        assertThat(wholeYear(restarted)).containsExactly(pinLocks(4));
        assertThat(restarted.handle(new StatisticsQuery(JANUARY_1, DECEMBER_31, Set.of(KIND)))).containsExactly(
                new StatisticsRow(null, null, null, "AUTH", null, null, 1, 0),
                new StatisticsRow(null, null, null, "SIGN", null, null, 3, 0));
    }

    @Test
    void a_fill_cut_short_is_done_again_whole() {
        countInThreeMonths();
        forgetYears();
        mongo.template().getCollection(StatisticsStore.YEARS).insertOne(new Document("_id", "2026")
                .append("cells", new Document()).append("batch", 0L)); // as left by a fill that died before its sums

        StatisticsProjection restarted = projection();
        new EventFeed(restarted).at(Instant.parse("2026-09-01T01:00:00Z")).feed(PAIR_3, pinLocked(PAIR_3, SIGN));

        assertThat(wholeYear(restarted)).containsExactly(pinLocks(4));
    }

    private void countInThreeMonths() {
        EventFeed events = new EventFeed(projection());
        events.at(Instant.parse("2026-01-05T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, SIGN));
        events.at(Instant.parse("2026-04-01T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, AUTH));
        events.at(Instant.parse("2026-12-31T14:59:00Z")).feed(PAIR_2, pinLocked(PAIR_2, SIGN));
    }

    /** What a store counted by the version without years looks like: months and days, no years, no marker. */
    private void forgetYears() {
        mongo.template().dropCollection(StatisticsStore.YEARS);
        mongo.template().getCollection(StatisticsJournal.COLLECTION).deleteOne(new Document("_id", "years"));
    }

    private StatisticsProjection projection() {
        return new StatisticsProjection(new StatisticsStore(mongo.template(), new StatisticsJournal(mongo.template())));
    }

    private static List<StatisticsRow> wholeYear(StatisticsProjection projection) {
        return projection.handle(new StatisticsQuery(JANUARY_1, DECEMBER_31, Set.of(OPERATION)));
    }

    private static StatisticsRow pinLocks(long count) {
        return new StatisticsRow(null, null, null, null, StatisticsOperation.PIN_LOCKED, null, count, 0);
    }

    private Document marker() {
        return mongo.template().getCollection(StatisticsJournal.COLLECTION).find(new Document("_id", "years")).first();
    }

    private Document year(String id) {
        return mongo.template().getCollection(StatisticsStore.YEARS).find(new Document("_id", id)).first();
    }
}
