package jp.jpki.lifecycle.api.query;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Counts per group over the JST days {@code from}..{@code to}, both included; answered with a list of
 * {@link StatisticsRow}. An empty {@code groupBy} sums everything into one row.
 */
public record StatisticsQuery(LocalDate from, LocalDate to, Set<StatisticsDimension> groupBy) {
    public StatisticsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' must not be before 'from'");
        }
        groupBy = Set.copyOf(groupBy);
    }
}
