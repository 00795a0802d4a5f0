package jp.jpki.lifecycle.query.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jp.jpki.lifecycle.api.query.ExpiryNoticeView;
import jp.jpki.lifecycle.api.query.DueExpiryNotices;
import jp.jpki.lifecycle.api.query.FindExpiryNoticesDue;
import jp.jpki.lifecycle.api.query.StatisticsDimension;
import jp.jpki.lifecycle.api.query.StatisticsQuery;
import jp.jpki.lifecycle.api.query.StatisticsTable;
import jp.jpki.lifecycle.api.query.StatisticsRow;
import jp.jpki.lifecycle.query.web.Answers;
import jp.jpki.lifecycle.query.web.Problems;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Aggregates for the statistics role, and the list of expiry notices to produce (R-REN-4). */
@RestController
@RequestMapping("/api/statistics")
class StatisticsController {
    private static final String DIMENSIONS = Arrays.stream(StatisticsDimension.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    private final QueryGateway queries;

    StatisticsController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * Counts over the JST days {@code from}..{@code to}, both included, grouped by any of day, office,
     * municipality, kind, operation, reason ({@code operation} when not given, an empty value for one total).
     */
    @GetMapping
    List<StatisticsRow> statistics(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                   @RequestParam(defaultValue = "operation") List<String> groupBy) {
        if (to.isBefore(from)) {
            throw Problems.badRequest("'to' must not be before 'from'");
        }
        StatisticsQuery query = new StatisticsQuery(from, to, dimensions(groupBy));
        return Answers.await(queries.query(query, ResponseTypes.instanceOf(StatisticsTable.class))).rows();
    }

    /** Active certificates whose expiry notice falls due in {@code month} (YYYY-MM). */
    @GetMapping("/expiry-notices")
    List<ExpiryNoticeView> expiryNotices(@RequestParam YearMonth month) {
        return Answers.await(queries.query(new FindExpiryNoticesDue(month), ResponseTypes.instanceOf(DueExpiryNotices.class))).notices();
    }

    private static Set<StatisticsDimension> dimensions(List<String> names) {
        Set<StatisticsDimension> dimensions = EnumSet.noneOf(StatisticsDimension.class);
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            try {
                dimensions.add(StatisticsDimension.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest("cannot group by '" + name.trim() + "'; use any of " + DIMENSIONS);
            }
        }
        return dimensions;
    }
}
