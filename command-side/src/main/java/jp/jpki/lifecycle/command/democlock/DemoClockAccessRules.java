package jp.jpki.lifecycle.command.democlock;

import jp.jpki.lifecycle.edge.AccessRules;
import jp.jpki.lifecycle.edge.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Only a supervisor moves the demo clock; outside the demo profile the path does not exist. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoClockAccessRules {

    @Bean
    AccessRules demoClockRules() {
        return urls -> urls.requestMatchers("/api/demo/clock").access(StaffAccess.anyRole("SUPERVISOR"));
    }
}
