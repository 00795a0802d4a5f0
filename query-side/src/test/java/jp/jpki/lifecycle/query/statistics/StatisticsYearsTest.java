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
 * A year gets its own document once it is over (an event of a later year is counted), summed from its months; a
 * year in progress, or one a store counted before year documents existed, is read from its months, with the same
 * answer.
 */
class StatisticsYearsTest {
    private static final PairId PAIR_1 = new PairId("pair-0001");
    private static final PairId PAIR_2 = new PairId("pair-0002");
    private static final PairId PAIR_3 = new PairId("pair-0003");
    private static final PairId PAIR_4 = new PairId("pair-0004");
    private static final LocalDate JANUARY_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate DECEMBER_31 = LocalDate.of(2026, 12, 31);

    private InMemoryMongo mongo;
    private StatisticsProjection projection;
    private EventFeed events;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        projection = projection();
        events = new EventFeed(projection);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void the_year_in_progress_has_no_document_and_is_read_from_its_months() {
        countInThreeMonths();

        assertThat(year("2026")).isNull();
        assertThat(wholeYear(projection)).containsExactly(pinLocks(3));
    }

    @Test
    void a_year_gets_its_document_when_an_event_of_the_next_year_is_counted() {
        countInThreeMonths();
        events.at(Instant.parse("2027-01-01T00:00:00Z")).feed(PAIR_3, pinLocked(PAIR_3, SIGN)); // 09:00 JST

        assertThat(year("2026")).as("summed from its months").isNotNull();
        assertThat(year("2027")).as("in progress").isNull();
        assertThat(wholeYear(projection)).containsExactly(pinLocks(3));
        assertThat(projection.handle(new StatisticsQuery(JANUARY_1, DECEMBER_31, Set.of(KIND))).rows()).containsExactly(
                new StatisticsRow(null, null, null, "AUTH", null, null, 1, 0),
                new StatisticsRow(null, null, null, "SIGN", null, null, 2, 0));
    }

    @Test
    void an_event_of_a_year_that_is_over_counts_into_its_document_as_well() {
        countInThreeMonths();
        events.at(Instant.parse("2027-01-01T00:00:00Z")).feed(PAIR_3, pinLocked(PAIR_3, SIGN));
        events.at(Instant.parse("2026-12-31T14:59:59Z")).feed(PAIR_3, pinLocked(PAIR_3, AUTH)); // a clock behind

        assertThat(wholeYear(projection)).containsExactly(pinLocks(4));
        assertThat(year("2026").get("cells", Document.class).values()).extracting(cell -> ((Document) cell).get("count"))
                .as("the document itself").contains(2L);
    }

    @Test
    void a_store_counted_before_year_documents_gets_them_for_the_years_that_are_over() {
        countInThreeMonths();
        events.at(Instant.parse("2027-03-01T01:00:00Z")).feed(PAIR_3, pinLocked(PAIR_3, SIGN));
        mongo.template().dropCollection(StatisticsStore.YEARS); // as the version without year documents left it

        StatisticsProjection restarted = projection();
        assertThat(wholeYear(restarted)).as("from the months meanwhile").containsExactly(pinLocks(3));
        new EventFeed(restarted).at(Instant.parse("2027-03-02T01:00:00Z")).feed(PAIR_4, pinLocked(PAIR_4, SIGN));

        assertThat(year("2026")).isNotNull();
        assertThat(wholeYear(restarted)).containsExactly(pinLocks(3));
    }

    @Test
    void a_reset_forgets_the_years_and_a_replay_makes_them_again() {
        countInThreeMonths();
        events.at(Instant.parse("2027-01-05T01:00:00Z")).feed(PAIR_3, pinLocked(PAIR_3, SIGN));
        projection.onReset();

        assertThat(year("2026")).isNull();
        EventFeed replay = new EventFeed(projection);
        replay.at(Instant.parse("2026-05-05T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, SIGN));
        replay.at(Instant.parse("2027-01-05T01:00:00Z")).feed(PAIR_2, pinLocked(PAIR_2, SIGN));

        assertThat(year("2026")).isNotNull();
        assertThat(wholeYear(projection)).containsExactly(pinLocks(1));
    }

    @Test
    void an_instance_taking_the_processor_over_counts_into_the_years_another_one_made() {
        StatisticsProjection other = projection();
        EventFeed onOther = new EventFeed(other);
        events.at(Instant.parse("2026-04-01T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, SIGN));
        onOther.at(Instant.parse("2026-05-01T01:00:00Z")).feed(PAIR_2, pinLocked(PAIR_2, SIGN));
        events.at(Instant.parse("2027-01-05T01:00:00Z")).feed(PAIR_3, pinLocked(PAIR_3, SIGN)); // 2026 is over
        onOther.at(Instant.parse("2026-12-31T14:00:00Z")).feed(PAIR_4, pinLocked(PAIR_4, AUTH)); // late

        assertThat(year("2026")).isNotNull();
        assertThat(wholeYear(other)).as("from the year document").containsExactly(pinLocks(3));
    }

    private void countInThreeMonths() {
        events.at(Instant.parse("2026-01-05T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, SIGN));
        events.at(Instant.parse("2026-04-01T01:00:00Z")).feed(PAIR_1, pinLocked(PAIR_1, AUTH));
        events.at(Instant.parse("2026-12-31T14:59:00Z")).feed(PAIR_2, pinLocked(PAIR_2, SIGN));
    }

    private StatisticsProjection projection() {
        return new StatisticsProjection(new StatisticsStore(mongo.template(), new StatisticsJournal(mongo.template())));
    }

    private static List<StatisticsRow> wholeYear(StatisticsProjection projection) {
        return projection.handle(new StatisticsQuery(JANUARY_1, DECEMBER_31, Set.of(OPERATION))).rows();
    }

    private static StatisticsRow pinLocks(long count) {
        return new StatisticsRow(null, null, null, null, StatisticsOperation.PIN_LOCKED, null, count, 0);
    }

    private Document year(String id) {
        return mongo.template().getCollection(StatisticsStore.YEARS).find(new Document("_id", id)).first();
    }
}
