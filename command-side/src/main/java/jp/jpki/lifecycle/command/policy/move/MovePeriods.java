package jp.jpki.lifecycle.command.policy.move;

import java.time.LocalDate;
import java.util.Map;
import jp.jpki.lifecycle.command.rules.Decision;

/**
 * The legal periods of a move between municipalities, with the card kept (docs/domain.md R-MOV-2, R-MOV-3). Days
 * count from the day after the event, and the last day is included; a last day on which the office is closed is
 * not moved to the next opening day here (the municipality's calendar is not modelled).
 */
public final class MovePeriods {

    /** 転入届 within 14 days of moving in (住民基本台帳法 Art. 22). */
    static final int MOVE_IN_DAYS = 14;
    /** … and within 30 days of the move-out date given on the 転出届, or the card is void. */
    static final int AFTER_PLANNED_MOVE_OUT_DAYS = 30;
    /** Continued use of the card processed within 90 days of the 転入届, or the card is void. */
    static final int CONTINUED_USE_DAYS = 90;

    /** The last day on which the move-in keeps the card. */
    public LocalDate lastMoveInDay(LocalDate plannedMoveOn, LocalDate movedInOn) {
        LocalDate afterMoveOut = plannedMoveOn.plusDays(AFTER_PLANNED_MOVE_OUT_DAYS);
        return movedInOn == null ? afterMoveOut : min(movedInOn.plusDays(MOVE_IN_DAYS), afterMoveOut);
    }

    public Decision checkMoveIn(LocalDate plannedMoveOn, LocalDate movedInOn, LocalDate filedOn) {
        LocalDate lastDay = lastMoveInDay(plannedMoveOn, movedInOn);
        if (filedOn.isAfter(lastDay)) {
            return Decision.refused("R-MOV-2", "the move-in was filed after " + lastDay + " (14 days after moving in, "
                    + "30 after the planned move-out): the card is void", Map.of("lastDay", lastDay.toString()));
        }
        return Decision.allowed();
    }

    public LocalDate lastContinuedUseDay(LocalDate moveInFiledOn) {
        return moveInFiledOn.plusDays(CONTINUED_USE_DAYS);
    }

    public Decision checkContinuedUse(LocalDate moveInFiledOn, LocalDate today) {
        LocalDate lastDay = lastContinuedUseDay(moveInFiledOn);
        if (today.isAfter(lastDay)) {
            return Decision.refused("R-MOV-3", "the card's continued use had to be processed by " + lastDay
                    + " (90 days after the move-in): the card is void", Map.of("lastDay", lastDay.toString()));
        }
        return Decision.allowed();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
