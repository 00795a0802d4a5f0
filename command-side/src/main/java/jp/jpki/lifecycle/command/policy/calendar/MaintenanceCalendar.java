package jp.jpki.lifecycle.command.policy.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Optional<Block> block = blockAt(at);
        if (block.isEmpty()) {
            return Decision.allowed();
        }
        // Blocks may touch or overlap (a stoppage announced next to the maintenance weekend): the clerk is told
        // when the last of them ends, not when the first one does.
        Instant resumes = block.get().until();
        for (Optional<Block> next = blockAt(resumes); next.isPresent(); next = blockAt(resumes)) {
            resumes = next.get().until();
        }
        return Decision.refused("R-PRC-6", block.get().reason() + "; card operations resume at " + resumes,
                Map.of("resumesAt", resumes.toString()));
    }

    /** A blocked period containing {@code at}, if any. */
    private Optional<Block> blockAt(Instant at) {
        if (monthlyWindow) {
            LocalDate day = LocalDate.ofInstant(at, zone);
            LocalDate thirdSaturday = day.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.SATURDAY));
            if (day.equals(thirdSaturday) || day.equals(thirdSaturday.plusDays(1))) {
                return Optional.of(new Block(thirdSaturday.plusDays(2).atStartOfDay(zone).toInstant(),
                        "nationwide JPKI maintenance (3rd Saturday and the following Sunday)"));
            }
        }
        return stoppages.stream().filter(s -> !at.isBefore(s.from()) && at.isBefore(s.until())).findFirst()
                .map(s -> new Block(s.until(), "announced stoppage \"" + s.label() + "\""));
    }

    private record Block(Instant until, String reason) {
    }
}
