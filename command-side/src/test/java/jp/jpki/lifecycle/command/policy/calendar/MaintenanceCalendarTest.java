package jp.jpki.lifecycle.command.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import jp.jpki.lifecycle.api.time.JapanTime;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MaintenanceCalendarTest {

    private static final ZoneId JST = JapanTime.ZONE;
    private final MaintenanceCalendar monthly = new MaintenanceCalendar(JST, true, List.of());

    private static Instant jst(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(JST).toInstant();
    }

    private static void assertBlocked(Decision decision, Instant resumesAt) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
            assertThat(refused.ruleId()).isEqualTo("R-PRC-6");
            assertThat(refused.facts()).containsEntry("resumesAt", resumesAt.toString());
        });
    }

    @Test
    @DisplayName("R-PRC-6: the 3rd Saturday is blocked from 00:00 JST, although it is still Friday in UTC")
    void thirdSaturdayFromJstMidnight() {
        // June 2024 starts on a Saturday: 1, 8, 15 → the 15th is the 3rd Saturday.
        Instant saturdayStart = jst(2024, 6, 15, 0, 0, 0);
        assertThat(saturdayStart).isEqualTo(Instant.parse("2024-06-14T15:00:00Z"));
        assertBlocked(monthly.check(saturdayStart), jst(2024, 6, 17, 0, 0, 0));
        assertThat(monthly.isOpen(saturdayStart.minusSeconds(1))).isTrue();
    }

    @Test
    @DisplayName("R-PRC-6: the following Sunday is blocked through 23:59:59 JST; Monday is open")
    void followingSundayBlocked() {
        assertBlocked(monthly.check(jst(2024, 6, 16, 23, 59, 59)), jst(2024, 6, 17, 0, 0, 0));
        assertThat(monthly.check(jst(2024, 6, 17, 0, 0, 0)).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-PRC-6: in a month starting on Sunday the 3rd Saturday is the 21st, not the 15th")
    void monthStartingOnSunday() {
        // September 2024: Sunday 1st; Saturdays 7, 14, 21.
        assertThat(monthly.isOpen(jst(2024, 9, 14, 12, 0, 0))).isTrue();
        assertThat(monthly.isOpen(jst(2024, 9, 15, 12, 0, 0))).isTrue();
        assertBlocked(monthly.check(jst(2024, 9, 21, 12, 0, 0)), jst(2024, 9, 23, 0, 0, 0));
        assertBlocked(monthly.check(jst(2024, 9, 22, 12, 0, 0)), jst(2024, 9, 23, 0, 0, 0));
    }

    @Test
    @DisplayName("R-PRC-6: other Saturdays and Sundays are open")
    void otherWeekendsOpen() {
        assertThat(monthly.isOpen(jst(2024, 6, 8, 12, 0, 0))).isTrue();
        assertThat(monthly.isOpen(jst(2024, 6, 22, 12, 0, 0))).isTrue();
        assertThat(monthly.isOpen(jst(2024, 6, 23, 12, 0, 0))).isTrue();
    }

    @Test
    @DisplayName("R-PRC-6: the monthly window can be switched off")
    void monthlyWindowSwitchedOff() {
        assertThat(new MaintenanceCalendar(JST, false, List.of()).isOpen(jst(2024, 6, 15, 12, 0, 0))).isTrue();
    }

    @Test
    @DisplayName("R-PRC-6: an announced stoppage blocks [from, until), and says when operations resume")
    void announcedStoppage() {
        // J-LIS's announced outage 2024-12-15 03:00–04:00 JST (a Sunday, not the maintenance weekend).
        Instant from = jst(2024, 12, 15, 3, 0, 0);
        Instant until = jst(2024, 12, 15, 4, 0, 0);
        var calendar = new MaintenanceCalendar(JST, true, List.of(new Stoppage(from, until, "client software outage")));
        assertThat(calendar.isOpen(from.minusSeconds(1))).isTrue();
        Decision decision = calendar.check(from);
        assertBlocked(decision, until);
        assertThat(((Decision.Refused) decision).message()).contains("client software outage");
        assertBlocked(calendar.check(until.minusSeconds(1)), until);
        assertThat(calendar.isOpen(until)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-6: a stoppage running on past the maintenance weekend: operations resume when the stoppage ends")
    void stoppageExtendingTheWeekend() {
        Instant from = jst(2024, 6, 16, 20, 0, 0);
        Instant until = jst(2024, 6, 17, 6, 0, 0);
        var calendar = new MaintenanceCalendar(JST, true, List.of(new Stoppage(from, until, "system replacement")));
        assertBlocked(calendar.check(jst(2024, 6, 15, 10, 0, 0)), until);
        assertBlocked(calendar.check(jst(2024, 6, 17, 1, 0, 0)), until);
        assertThat(calendar.isOpen(until)).isTrue();
    }

    @Test
    @DisplayName("R-PRC-6: a stoppage that ends on the Saturday the weekend starts: operations resume on Monday")
    void stoppageRunningIntoTheWeekend() {
        Instant from = jst(2024, 6, 14, 20, 0, 0);
        Instant until = jst(2024, 6, 15, 0, 0, 0);
        var calendar = new MaintenanceCalendar(JST, true, List.of(new Stoppage(from, until, "preparation")));
        assertBlocked(calendar.check(jst(2024, 6, 14, 21, 0, 0)), jst(2024, 6, 17, 0, 0, 0));
    }
}
