package jp.jpki.lifecycle.query.statistics;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The period documents a range of days is read from: every calendar year the range covers whole, from
 * {@code statistics_years}, then every month it covers whole, from {@code statistics_months}, and the days left
 * at either end from {@code statistics_days}. A year is then one document instead of 365, and the cells read grow
 * with offices × kinds × operations × reasons, not with the days asked for: a year holds far fewer cells than its
 * twelve months together (docs/performance.md, T6). Only years that are over have a document
 * ({@link StatisticsYears}); the year in progress is read from its months.
 *
 * @param years  ids {@code YYYY}
 * @param months ids {@code YYYY-MM}
 * @param days   ids {@code YYYY-MM-DD}
 */
record StatisticsPeriods(List<String> years, List<String> months, List<String> days) {

    /**
     * The document of each period collection an event of {@code day} counts into: its year's only once the year is
     * over ({@link StatisticsYears}).
     */
    static Map<String, String> containing(LocalDate day, boolean yearOver) {
        Map<String, String> periods = new TreeMap<>(Map.of(StatisticsStore.DAYS, day.toString(),
                StatisticsStore.MONTHS, YearMonth.from(day).toString()));
        if (yearOver) {
            periods.put(StatisticsStore.YEARS, Year.from(day).toString());
        }
        return periods;
    }

    /** The ids of a year's month documents, which a year without a document of its own is read from. */
    static List<String> monthsOf(String year) {
        return IntStream.rangeClosed(1, 12).mapToObj(month -> Year.parse(year).atMonth(month).toString()).toList();
    }

    /** With {@code perDay} every day is read on its own: grouping by day needs the day documents. */
    static StatisticsPeriods covering(LocalDate from, LocalDate to, boolean perDay) {
        List<String> years = new ArrayList<>();
        List<String> months = new ArrayList<>();
        List<String> days = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            Year year = Year.from(day);
            YearMonth month = YearMonth.from(day);
            if (!perDay && day.getDayOfYear() == 1 && !year.atMonth(12).atEndOfMonth().isAfter(to)) {
                years.add(year.toString());
                day = year.plusYears(1).atDay(1);
            } else if (!perDay && day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                months.add(month.toString());
                day = month.plusMonths(1).atDay(1);
            } else {
                days.add(day.toString());
                day = day.plusDays(1);
            }
        }
        return new StatisticsPeriods(List.copyOf(years), List.copyOf(months), List.copyOf(days));
    }
}
