package jp.jpki.lifecycle.query.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The period documents a range of days is read from: every calendar month the range covers whole, from
 * {@code statistics_months}, and the days before and after them from {@code statistics_days}. A year is then 12
 * documents instead of 365.
 *
 * @param months ids {@code YYYY-MM}
 * @param days   ids {@code YYYY-MM-DD}
 */
record StatisticsPeriods(List<String> months, List<String> days) {

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
