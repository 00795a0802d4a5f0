package jp.jpki.lifecycle.command.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.command.policy.calendar.Stoppage;
import jp.jpki.lifecycle.command.policy.validity.LeapDayPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-deployment settings of the rules ({@code jpki.policies.*}).
 *
 * @param leapDay             where 29 February birthdays fall in common years (R-VAL-5)
 * @param monthlyMaintenance  block card operations on the 3rd Saturday and the following Sunday (R-PRC-6)
 * @param stoppages           announced one-off stoppages (R-PRC-6)
 * @param documents           document requirements, key {@code <municipality or *>/<PROCEDURE>/<APPLICANT>},
 *                            value like {@code "A×1 or B×2"}; merged over the defaults (R-PRC-4)
 * @param offices             per office, the {@code PROCEDURE/APPLICANT} pairs it handles; unlisted offices
 *                            handle everything (R-PRC-5)
 */
@ConfigurationProperties(prefix = "jpki.policies")
public record PolicyProperties(@DefaultValue("LAST_DAY_OF_FEBRUARY") LeapDayPolicy leapDay,
                               @DefaultValue("true") boolean monthlyMaintenance,
                               @DefaultValue List<Stoppage> stoppages,
                               @DefaultValue Map<String, String> documents,
                               @DefaultValue Map<String, Set<String>> offices) {
}
