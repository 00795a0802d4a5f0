package jp.jpki.lifecycle.command.policy.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.command.rules.Decision;

/**
 * When card operations are impossible (R-PRC-6): the nationwide monthly maintenance (the 3rd Saturday and the
 * following Sunday, whole JST days) and announced one-off stoppages.
 */
public class MaintenanceCalendar {

    private final ZoneId zone;
    private final boolean monthlyWindow;
    private final List<Stoppage> stoppages;

    public MaintenanceCalendar(ZoneId zone, boolean monthlyWindow, List<Stoppage> stoppages) {
        this.zone = zone;
        this.monthlyWindow = monthlyWindow;
        this.stoppages = List.copyOf(stoppages);
    }

    public boolean isOpen(Instant at) {
        return check(at).isAllowed();
    }

    public Decision check(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        if (monthlyWindow) {
            LocalDate thirdSaturday = day.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.SATURDAY));
            if (day.equals(thirdSaturday) || day.equals(thirdSaturday.plusDays(1))) {
                Instant resumes = thirdSaturday.plusDays(2).atStartOfDay(zone).toInstant();
                return Decision.refused("R-PRC-6", "nationwide JPKI maintenance (3rd Saturday and the following Sunday); "
                        + "card operations resume at " + resumes, Map.of("resumesAt", resumes.toString()));
            }
        }
        for (Stoppage stoppage : stoppages) {
            if (!at.isBefore(stoppage.from()) && at.isBefore(stoppage.until())) {
                return Decision.refused("R-PRC-6", "announced stoppage \"" + stoppage.label() + "\"; card operations resume at "
                        + stoppage.until(), Map.of("resumesAt", stoppage.until().toString()));
            }
        }
        return Decision.allowed();
    }
}
