package jp.jpki.lifecycle.api.query;

import java.util.List;

/**
 * Answer to a query for many: the expiry notices due in a month ({@link FindExpiryNoticesDue}). A record rather than a bare list, because the
 * list's element type must survive the bus: Jackson writes a list without it, and Axon Server hands the
 * caller a list of maps.
 */
public record DueExpiryNotices(List<ExpiryNoticeView> notices) {
    public DueExpiryNotices {
        notices = List.copyOf(notices);
    }
}
