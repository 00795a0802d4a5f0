package jp.jpki.lifecycle.command.policy.move;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MovePeriodsTest {

    private final MovePeriods periods = new MovePeriods();
    private static final LocalDate PLANNED = LocalDate.of(2026, 4, 1);

    @Test
    @DisplayName("R-MOV-2: the move-in keeps the card through the 14th day after moving in, not the 15th")
    void fourteenDays() {
        LocalDate movedIn = LocalDate.of(2026, 4, 3);
        assertThat(periods.checkMoveIn(PLANNED, movedIn, LocalDate.of(2026, 4, 17)).isAllowed()).isTrue();
        Decision late = periods.checkMoveIn(PLANNED, movedIn, LocalDate.of(2026, 4, 18));
        assertThat(late).isInstanceOfSatisfying(Decision.Refused.class, r -> {
            assertThat(r.ruleId()).isEqualTo("R-MOV-2");
            assertThat(r.facts()).containsEntry("lastDay", "2026-04-17");
        });
    }

    @Test
    @DisplayName("R-MOV-2: and through the 30th day after the planned move-out, whichever comes first")
    void thirtyDaysAfterPlannedMoveOut() {
        LocalDate movedIn = LocalDate.of(2026, 4, 25);
        assertThat(periods.lastMoveInDay(PLANNED, movedIn)).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(periods.checkMoveIn(PLANNED, movedIn, LocalDate.of(2026, 5, 2)).isAllowed()).isFalse();
        assertThat(periods.lastMoveInDay(PLANNED, null)).isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @Test
    @DisplayName("R-MOV-3: continued use is processed through the 90th day after the move-in, not the 91st")
    void ninetyDays() {
        LocalDate filed = LocalDate.of(2026, 4, 10);
        assertThat(periods.lastContinuedUseDay(filed)).isEqualTo(LocalDate.of(2026, 7, 9));
        assertThat(periods.checkContinuedUse(filed, LocalDate.of(2026, 7, 9)).isAllowed()).isTrue();
        assertThat(periods.checkContinuedUse(filed, LocalDate.of(2026, 7, 10)).isAllowed()).isFalse();
    }
}
