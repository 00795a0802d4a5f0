package jp.jpki.lifecycle.query.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The period documents a range of days is read from: every month the range covers whole, from
 * {@code statistics_months}, and the days left at either end from {@code statistics_days}. A year is then twelve
 * documents instead of 365, and the cells read grow with offices × kinds × operations × reasons, not with the days
 * asked for. There are no year documents: every batch rewrites the documents it counts into, and at 100,000 pairs
 * rewriting a year's cells (twice, with the marker reset) held the statistics rebuild to ≈ 700 events/s.
 *
 * @param months ids {@code YYYY-MM}
 * @param days   ids {@code YYYY-MM-DD}
 */
record StatisticsPeriods(List<String> months, List<String> days) {

    /** The document of each period collection an event of {@code day} counts into. */
    static Map<String, String> containing(LocalDate day) {
        return Map.of(StatisticsStore.DAYS, day.toString(), StatisticsStore.MONTHS, YearMonth.from(day).toString());
    }

    /** With {@code perDay} every day is read on its own: grouping by day needs the day documents. */
    static StatisticsPeriods covering(LocalDate from, LocalDate to, boolean perDay) {
        List<String> months = new ArrayList<>();
        List<String> days = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            YearMonth month = YearMonth.from(day);
            if (!perDay && day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                months.add(month.toString());
                day = month.plusMonths(1).atDay(1);
            } else {
                days.add(day.toString());
                day = day.plusDays(1);
            }
        }
        return new StatisticsPeriods(List.copyOf(months), List.copyOf(days));
    }
}
