package jp.jpki.lifecycle.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StatisticsPeriodsTest {

    @Test
    void whole_months_come_from_month_documents_and_partial_ones_at_both_ends_from_days() {
        StatisticsPeriods periods = StatisticsPeriods.covering(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 6, 2), false);

        assertThat(periods.years()).isEmpty();
        assertThat(periods.months()).containsExactly("2026-04", "2026-05");
        assertThat(periods.days()).containsExactly("2026-03-30", "2026-03-31", "2026-06-01", "2026-06-02");
    }

    @Test
    void a_range_inside_one_month_is_read_day_by_day() {
        StatisticsPeriods periods = StatisticsPeriods.covering(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 29), false);

        assertThat(periods.months()).isEmpty();
        assertThat(periods.days()).hasSize(28).startsWith("2026-04-02").endsWith("2026-04-29");
    }

    @Test
    void a_calendar_year_is_one_year_document() {
        assertThat(StatisticsPeriods.covering(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), false))
                .isEqualTo(new StatisticsPeriods(List.of("2025"), List.of(), List.of()));
    }

    @Test
    void whole_years_then_whole_months_then_days() {
        StatisticsPeriods periods = StatisticsPeriods.covering(LocalDate.of(2024, 11, 30), LocalDate.of(2027, 2, 1), false);

        assertThat(periods.years()).containsExactly("2025", "2026");
        assertThat(periods.months()).containsExactly("2024-12", "2027-01");
        assertThat(periods.days()).containsExactly("2024-11-30", "2027-02-01");
    }

    @Test
    void a_year_minus_its_last_day_is_eleven_months_and_thirty_days() {
        StatisticsPeriods periods = StatisticsPeriods.covering(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 30), false);

        assertThat(periods.years()).isEmpty();
        assertThat(periods.months()).hasSize(11).startsWith("2025-01").endsWith("2025-11");
        assertThat(periods.days()).hasSize(30);
    }

    @Test
    void an_event_counts_into_its_day_its_month_and_its_year_once_that_year_is_over() {
        assertThat(StatisticsPeriods.containing(LocalDate.of(2028, 2, 29), false)).containsOnly(
                entry(StatisticsStore.DAYS, "2028-02-29"), entry(StatisticsStore.MONTHS, "2028-02"));
        assertThat(StatisticsPeriods.containing(LocalDate.of(2028, 2, 29), true)).containsOnly(
                entry(StatisticsStore.DAYS, "2028-02-29"), entry(StatisticsStore.MONTHS, "2028-02"),
                entry(StatisticsStore.YEARS, "2028"));
    }

    @Test
    void a_year_without_a_document_is_read_from_its_twelve_months() {
        assertThat(StatisticsPeriods.monthsOf("2028")).hasSize(12).startsWith("2028-01").endsWith("2028-12");
    }

    @Test
    void february_of_a_leap_year_ends_on_the_29th() {
        assertThat(StatisticsPeriods.covering(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29), false))
                .isEqualTo(new StatisticsPeriods(List.of(), List.of("2028-02"), List.of()));
        assertThat(StatisticsPeriods.covering(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 28), false).months()).isEmpty();
        assertThat(StatisticsPeriods.covering(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28), false).months())
                .containsExactly("2027-02");
    }

    @Test
    void grouping_by_day_reads_every_day() {
        StatisticsPeriods periods = StatisticsPeriods.covering(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 31), true);

        assertThat(periods.years()).isEmpty();
        assertThat(periods.months()).isEmpty();
        assertThat(periods.days()).isEqualTo(Stream.iterate(LocalDate.of(2026, 4, 1), d -> d.plusDays(1)).limit(61)
                .map(LocalDate::toString).toList());
    }
}
