package jp.jpki.lifecycle.api.query;

import java.util.List;

/**
 * Answer to a query for many: the rows of a statistics report ({@link StatisticsQuery}). A record rather than a bare list, because the
 * list's element type must survive the bus: Jackson writes a list without it, and Axon Server hands the
 * caller a list of maps.
 */
public record StatisticsTable(List<StatisticsRow> rows) {
    public StatisticsTable {
        rows = List.copyOf(rows);
    }
}
