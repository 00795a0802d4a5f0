package jp.jpki.lifecycle.command.infrastructure;

import java.util.HashMap;
import java.util.Map;
import jp.jpki.lifecycle.api.time.JapanTime;
import jp.jpki.lifecycle.command.policy.calendar.MaintenanceCalendar;
import jp.jpki.lifecycle.command.policy.documents.IdentityDocumentPolicy;
import jp.jpki.lifecycle.command.policy.eligibility.EligibilityPolicy;
import jp.jpki.lifecycle.command.policy.fee.FeeSchedule;
import jp.jpki.lifecycle.command.policy.office.OfficeCapabilities;
import jp.jpki.lifecycle.command.policy.proxy.ProxyProcedurePolicy;
import jp.jpki.lifecycle.command.policy.renewal.RenewalWindow;
import jp.jpki.lifecycle.command.policy.validity.CertificateTerms;
import jp.jpki.lifecycle.command.policy.validity.ValidityPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the pure policies from {@link PolicyProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
public class PolicyConfiguration {

    @Bean
    ValidityPolicy validityPolicy(PolicyProperties properties) {
        return new ValidityPolicy(properties.leapDay(), CertificateTerms.defaults());
    }

    @Bean
    EligibilityPolicy eligibilityPolicy(PolicyProperties properties) {
        return new EligibilityPolicy(properties.leapDay());
    }

    @Bean
    RenewalWindow renewalWindow() {
        return new RenewalWindow();
    }

    @Bean
    MaintenanceCalendar maintenanceCalendar(PolicyProperties properties) {
        return new MaintenanceCalendar(JapanTime.ZONE, properties.monthlyMaintenance(), properties.stoppages());
    }

    @Bean
    FeeSchedule feeSchedule() {
        return FeeSchedule.defaults();
    }

    @Bean
    IdentityDocumentPolicy identityDocumentPolicy(PolicyProperties properties) {
        Map<String, String> table = new HashMap<>(IdentityDocumentPolicy.defaultTable());
        table.putAll(properties.documents());
        return new IdentityDocumentPolicy(table);
    }

    @Bean
    OfficeCapabilities officeCapabilities(PolicyProperties properties) {
        return new OfficeCapabilities(properties.offices());
    }

    @Bean
    ProxyProcedurePolicy proxyProcedurePolicy() {
        return new ProxyProcedurePolicy();
    }
}
