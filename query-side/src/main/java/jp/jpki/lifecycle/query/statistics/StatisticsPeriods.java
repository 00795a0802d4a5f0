package jp.jpki.lifecycle.query.statistics;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The period documents a range of days is read from: every calendar year the range covers whole, from
 * {@code statistics_years}, then every month it covers whole, from {@code statistics_months}, and the days left
 * at either end from {@code statistics_days}. A year is then one document instead of 365, and the cells read grow
 * with offices × kinds × operations × reasons, not with the days asked for: at 1,000,000 pairs a year holds 36,000
 * cells against 220,000 in its twelve months (T6). Counting into a year costs what counting into a month does, as
 * events arrive in time order and a batch touches one year.
 *
 * @param years  ids {@code YYYY}
 * @param months ids {@code YYYY-MM}
 * @param days   ids {@code YYYY-MM-DD}
 */
record StatisticsPeriods(List<String> years, List<String> months, List<String> days) {

    /** The document of each period collection an event of {@code day} counts into. */
    static Map<String, String> containing(LocalDate day) {
        return Map.of(StatisticsStore.DAYS, day.toString(), StatisticsStore.MONTHS, YearMonth.from(day).toString(),
                StatisticsStore.YEARS, Year.from(day).toString());
    }

    /** The longest period whose documents a range may be read from. */
    enum Longest {
        /** Grouping by day needs every day's own document. */
        DAY,
        /** Until a store counted without year documents has them all ({@link StatisticsYears}). */
        MONTH,
        YEAR
    }

    static StatisticsPeriods covering(LocalDate from, LocalDate to, Longest longest) {
        List<String> years = new ArrayList<>();
        List<String> months = new ArrayList<>();
        List<String> days = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            Year year = Year.from(day);
            YearMonth month = YearMonth.from(day);
            if (longest == Longest.YEAR && day.getDayOfYear() == 1 && !year.atMonth(12).atEndOfMonth().isAfter(to)) {
                years.add(year.toString());
                day = year.plusYears(1).atDay(1);
            } else if (longest != Longest.DAY && day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
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
