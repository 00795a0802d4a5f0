package jp.jpki.lifecycle.query.counter;

import java.time.LocalDate;

/** R-REN-1: the renewal window runs from notAfter − 3 months + 1 day through notAfter. */
final class RenewalWindow {

    private RenewalWindow() {
    }

    /** {@code minusMonths} clamps to the month end (05-31 − 3 months = 02-28), so the window opens on 03-01. */
    static LocalDate opensOn(LocalDate notAfter) {
        return notAfter.minusMonths(3).plusDays(1);
    }

    static boolean isOpen(LocalDate notAfter, LocalDate today) {
        return !today.isBefore(opensOn(notAfter)) && !today.isAfter(notAfter);
    }
}
