package jp.jpki.lifecycle.command.policy.renewal;

import java.time.LocalDate;
import java.util.Map;
import jp.jpki.lifecycle.command.rules.Decision;

/** The renewal window and the expiry-notice date (R-REN-1, R-REN-3, R-REN-4). */
public class RenewalWindow {

    /** notAfter − 3 months (java.time clamps to the month end) + 1 day: "3か月前の翌日から" (R-REN-1). */
    public LocalDate opensOn(LocalDate notAfter) {
        return notAfter.minusMonths(3).plusDays(1);
    }

    public boolean isOpen(LocalDate notAfter, LocalDate today) {
        return !today.isBefore(opensOn(notAfter)) && !today.isAfter(notAfter);
    }

    public Decision check(LocalDate notAfter, LocalDate today) {
        LocalDate opensOn = opensOn(notAfter);
        if (today.isBefore(opensOn)) {
            return Decision.refused("R-REN-1", "the renewal window opens on " + opensOn,
                    Map.of("opensOn", opensOn.toString(), "notAfter", notAfter.toString()));
        }
        if (today.isAfter(notAfter)) {
            return Decision.refused("R-REN-3", "the certificate expired on " + notAfter
                    + "; apply for a new issue (free of charge)", Map.of("notAfter", notAfter.toString()));
        }
        return Decision.allowed();
    }

    /** R-REN-4: the expiry notice is due about 3 months before expiry. */
    public LocalDate expiryNoticeDue(LocalDate notAfter) {
        return notAfter.minusMonths(3);
    }
}
