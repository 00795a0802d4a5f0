package jp.jpki.lifecycle.command.counter;

import jp.jpki.lifecycle.edge.AccessRules;
import jp.jpki.lifecycle.edge.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Counter commands are staff work at a counter: clerks and their supervisors (lookups are the query side's). */
@Configuration(proxyBeanMethods = false)
class CounterAccessRules {

    @Bean
    AccessRules counterCommandRules() {
        return urls -> urls.requestMatchers(HttpMethod.POST, "/api/certificate-pairs", "/api/certificate-pairs/**")
                .access(StaffAccess.anyRole("CLERK", "SUPERVISOR"));
    }
}
