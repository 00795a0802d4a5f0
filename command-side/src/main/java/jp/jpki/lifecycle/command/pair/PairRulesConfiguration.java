package jp.jpki.lifecycle.command.pair;

import java.time.Clock;
import java.time.Duration;
import jp.jpki.lifecycle.command.policy.calendar.MaintenanceCalendar;
import jp.jpki.lifecycle.command.policy.documents.IdentityDocumentPolicy;
import jp.jpki.lifecycle.command.policy.eligibility.EligibilityPolicy;
import jp.jpki.lifecycle.command.policy.fee.FeeSchedule;
import jp.jpki.lifecycle.command.policy.office.OfficeCapabilities;
import jp.jpki.lifecycle.command.policy.proxy.ProxyProcedurePolicy;
import jp.jpki.lifecycle.command.policy.renewal.RenewalWindow;
import jp.jpki.lifecycle.command.policy.validity.ValidityPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bundles the configured policies for the aggregate's handlers. */
@Configuration(proxyBeanMethods = false)
public class PairRulesConfiguration {

    @Bean
    PairRules pairRules(Clock clock, ValidityPolicy validity, EligibilityPolicy eligibility, RenewalWindow renewalWindow,
                        MaintenanceCalendar maintenance, FeeSchedule fees, IdentityDocumentPolicy documents,
                        OfficeCapabilities offices, ProxyProcedurePolicy proxies) {
        return new PairRules(clock, validity, eligibility, renewalWindow, maintenance, fees, documents, offices, proxies);
    }

    @Bean
    CardWorkWatchdog cardWorkWatchdog(@Value("${jpki.card-work.watchdog:PT10M}") Duration after) {
        return new CardWorkWatchdog(after);
    }
}
