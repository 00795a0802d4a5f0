package jp.jpki.lifecycle.query.statistics;

import java.util.Map;
import jp.jpki.lifecycle.api.query.StatisticsDimension;
import org.bson.Document;

/**
 * One counter of a period document: office × municipality × kind × operation × reason, stored as the field name
 * {@link #key()} under {@code cells}. Cells are bounded by what the country has (offices, kinds, operations,
 * reasons), not by the number of pairs, which is what keeps a month's document small.
 */
record StatisticsCell(String officeId, String municipality, String kind, String operation, String reason) {
    private static final char SEPARATOR = '|';

    /** One cell's sums as a period document or a journal entry holds them. */
    interface Sums {
        void add(String key, long count, long feeYen);
    }

    /** Hands each cell under {@code cells} of a period document, or of a journal entry, to {@code sums}. */
    static void forEachIn(Document period, Sums sums) {
        period.get("cells", new Document()).forEach((key, value) -> {
            Document cell = (Document) value;
            sums.add(key, cell.get("count", Number.class).longValue(), cell.get("feeYen", Number.class).longValue());
        });
    }

    /** The {@code cells} of a period document: cell key → {count, feeYen}. */
    static Document cells(Map<String, long[]> sums) {
        Document cells = new Document();
        sums.forEach((key, cell) -> cells.append(key, new Document("count", cell[0]).append("feeYen", cell[1])));
        return cells;
    }

    /**
     * The values joined with {@code |}; {@code %} escapes itself, the separator, {@code .} (a path step in an
     * update) and {@code $} (an operator), so a key is a legal field name whatever an office id contains.
     */
    String key() {
        StringBuilder key = new StringBuilder();
        String[] values = {officeId, municipality, kind, operation, reason};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                key.append(SEPARATOR);
            }
            escape(values[i], key);
        }
        return key.toString();
    }

    static StatisticsCell of(String key) {
        String[] values = key.split("\\|", -1);
        if (values.length != 5) {
            throw new IllegalArgumentException("not a statistics cell: " + key);
        }
        return new StatisticsCell(unescape(values[0]), unescape(values[1]), unescape(values[2]), unescape(values[3]),
                unescape(values[4]));
    }

    /** The cell's value for a dimension other than the day, which is its document's. */
    String value(StatisticsDimension dimension) {
        return switch (dimension) {
            case OFFICE -> officeId;
            case MUNICIPALITY -> municipality;
            case KIND -> kind;
            case OPERATION -> operation;
            case REASON -> reason;
            case DAY -> throw new IllegalArgumentException("the day is the document's, not the cell's");
        };
    }

    private static void escape(String value, StringBuilder into) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '%' -> into.append("%25");
                case '.' -> into.append("%2E");
                case '$' -> into.append("%24");
                case SEPARATOR -> into.append("%7C");
                default -> into.append(c);
            }
        }
    }

    private static String unescape(String escaped) {
        if (escaped.indexOf('%') < 0) {
            return escaped;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%') {
                value.append((char) Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
