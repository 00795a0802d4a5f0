package jp.jpki.lifecycle.query.statistics;

import static com.mongodb.client.model.Filters.in;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.jpki.lifecycle.api.query.StatisticsDimension;
import jp.jpki.lifecycle.api.query.StatisticsOperation;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Answers a statistics query from the period documents the range covers ({@link StatisticsPeriods}), read by
 * {@code _id} and summed in memory per requested grouping, ordered by the grouped values in dimension order. A
 * whole year without a document (the year in progress) is read from its months.
 */
final class StatisticsReport {
    private static final Comparator<List<String>> IN_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    private final List<StatisticsDimension> dimensions;
    /** Grouped values in {@link #dimensions} order → {count, feeYen}. */
    private final Map<List<String>, long[]> groups = new TreeMap<>(IN_ORDER);

    private StatisticsReport(List<StatisticsDimension> dimensions) {
        this.dimensions = dimensions;
    }

    static List<StatisticsRow> of(MongoTemplate mongo, StatisticsQuery query) {
        List<StatisticsDimension> dimensions = Arrays.stream(StatisticsDimension.values())
                .filter(query.groupBy()::contains).toList();
        StatisticsPeriods periods = StatisticsPeriods.covering(query.from(), query.to(),
                dimensions.contains(StatisticsDimension.DAY));
        StatisticsReport report = new StatisticsReport(dimensions);
        Set<String> yearsRead = report.add(mongo, StatisticsStore.YEARS, periods.years());
        List<String> months = new ArrayList<>(periods.months());
        periods.years().stream().filter(year -> !yearsRead.contains(year))
                .forEach(inProgress -> months.addAll(StatisticsPeriods.monthsOf(inProgress)));
        report.add(mongo, StatisticsStore.MONTHS, months);
        report.add(mongo, StatisticsStore.DAYS, periods.days());
        return report.rows();
    }

    /** Adds the cells of the documents found, and answers their ids. */
    private Set<String> add(MongoTemplate mongo, String collection, List<String> ids) {
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document period : mongo.getCollection(collection).find(in("_id", ids)).batchSize(StatisticsStore.PER_REPLY)) {
            String periodId = period.getString("_id");
            found.add(periodId);
            StatisticsCell.forEachIn(period, (key, count, feeYen) -> {
                long[] group = groups.computeIfAbsent(groupOf(periodId, StatisticsCell.of(key)), g -> new long[2]);
                group[0] += count;
                group[1] += feeYen;
            });
        }
        return found;
    }

    private List<String> groupOf(String periodId, StatisticsCell cell) {
        List<String> values = new ArrayList<>(dimensions.size());
        for (StatisticsDimension dimension : dimensions) {
            values.add(dimension == StatisticsDimension.DAY ? periodId : cell.value(dimension));
        }
        return values;
    }

    private List<StatisticsRow> rows() {
        List<StatisticsRow> rows = new ArrayList<>(groups.size());
        groups.forEach((values, sums) -> {
            String day = value(values, StatisticsDimension.DAY);
            String operation = value(values, StatisticsDimension.OPERATION);
            rows.add(new StatisticsRow(day == null ? null : LocalDate.parse(day), value(values, StatisticsDimension.OFFICE),
                    value(values, StatisticsDimension.MUNICIPALITY), value(values, StatisticsDimension.KIND),
                    operation == null ? null : StatisticsOperation.valueOf(operation),
                    value(values, StatisticsDimension.REASON), sums[0], sums[1]));
        });
        return rows;
    }

    private String value(List<String> values, StatisticsDimension dimension) {
        int index = dimensions.indexOf(dimension);
        return index < 0 ? null : values.get(index);
    }
}
