package jp.jpki.lifecycle.command.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MaintenanceCalendarTest {

    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private final MaintenanceCalendar monthly = new MaintenanceCalendar(JST, true, List.of());

    private static Instant jst(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(JST).toInstant();
    }

    @Test
    @DisplayName("R-PRC-6: closed on the 3rd Saturday and the following Sunday (JST), open the Friday before and the Monday after")
    void r_prc_6_third_saturday_and_sunday() {
        // November 2026: Saturdays 7, 14, 21 -> the window is Sat 21 and Sun 22.
        assertThat(monthly.isOpen(jst("2026-11-20T23:59:59"))).isTrue();
        assertThat(monthly.isOpen(jst("2026-11-21T00:00:00"))).isFalse();
        assertThat(monthly.isOpen(jst("2026-11-22T23:59:59"))).isFalse();
        assertThat(monthly.isOpen(jst("2026-11-23T00:00:00"))).isTrue();
        assertThat(monthly.isOpen(jst("2026-11-14T12:00:00"))).as("the 2nd Saturday").isTrue();
    }

    @Test
    @DisplayName("R-PRC-6: a month starting on a Sunday still has its window on the 3rd Saturday (the 21st)")
    void r_prc_6_month_starting_on_sunday() {
        // March 2026 starts on a Sunday: Saturdays 7, 14, 21.
        assertThat(monthly.check(jst("2026-03-21T10:00:00"))).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
            assertThat(refused.ruleId()).isEqualTo("R-PRC-6");
            assertThat(refused.facts()).containsEntry("resumesAt", jst("2026-03-23T00:00:00").toString());
        });
    }

    @Test
    @DisplayName("R-PRC-6: announced one-off stoppages close card operations from their start until their end")
    void r_prc_6_announced_stoppage() {
        Stoppage upgrade = new Stoppage(jst("2026-12-29T18:00:00"), jst("2026-12-30T06:00:00"), "year-end system upgrade");
        MaintenanceCalendar calendar = new MaintenanceCalendar(JST, false, List.of(upgrade));
        assertThat(calendar.isOpen(jst("2026-12-29T17:59:59"))).isTrue();
        assertThat(calendar.isOpen(jst("2026-12-29T18:00:00"))).isFalse();
        assertThat(calendar.isOpen(jst("2026-12-30T06:00:00"))).isTrue();
        assertThat(calendar.isOpen(jst("2026-11-21T10:00:00"))).as("monthly window switched off").isTrue();
    }
}
