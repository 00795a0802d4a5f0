package jp.jpki.lifecycle.api.query;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Active certificates whose expiry notice (有効期限通知書) falls due in {@code month}, i.e. notAfter − 3 months lies
 * in that month (R-REN-4); answered with a list of {@link ExpiryNoticeView}.
 */
public record FindExpiryNoticesDue(YearMonth month) {
    public FindExpiryNoticesDue {
        Objects.requireNonNull(month, "month");
    }
}
