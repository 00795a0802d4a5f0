package jp.jpki.lifecycle.command.pair;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import jp.jpki.lifecycle.api.time.JapanTime;
import jp.jpki.lifecycle.command.policy.calendar.MaintenanceCalendar;
import jp.jpki.lifecycle.command.policy.documents.IdentityDocumentPolicy;
import jp.jpki.lifecycle.command.policy.eligibility.EligibilityPolicy;
import jp.jpki.lifecycle.command.policy.fee.FeeSchedule;
import jp.jpki.lifecycle.command.policy.office.OfficeCapabilities;
import jp.jpki.lifecycle.command.policy.proxy.ProxyProcedurePolicy;
import jp.jpki.lifecycle.command.policy.renewal.RenewalWindow;
import jp.jpki.lifecycle.command.policy.validity.ValidityPolicy;

/**
 * Everything the aggregate consults to decide, injected as one handler resource: the pure policies of
 * docs/domain.md and the clock.
 */
public record PairRules(Clock clock, ValidityPolicy validity, EligibilityPolicy eligibility, RenewalWindow renewalWindow,
                        MaintenanceCalendar maintenance, FeeSchedule fees, IdentityDocumentPolicy documents,
                        OfficeCapabilities offices, ProxyProcedurePolicy proxies) {

    public Instant now() {
        return clock.instant();
    }

    /** Today in Japan time: the rules speak of JST calendar dates. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), JapanTime.ZONE);
    }
}
