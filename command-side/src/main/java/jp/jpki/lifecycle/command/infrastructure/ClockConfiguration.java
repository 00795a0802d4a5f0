package jp.jpki.lifecycle.command.infrastructure;

import java.time.Clock;
import jp.jpki.lifecycle.command.policy.validity.EndOfValidity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The one clock of the command side, in Japan time. {@code jpki.clock.adjustable=true} swaps in an
 * {@link AdjustableClock} for end-to-end tests and demos that need to reach a renewal window or an expiry.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** Demo profile only: production time cannot be moved. */
    @Bean
    @Profile("demo")
    @ConditionalOnProperty(name = "jpki.clock.adjustable", havingValue = "true")
    AdjustableClock adjustableClock() {
        return new AdjustableClock(Clock.system(EndOfValidity.JST));
    }

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.system(EndOfValidity.JST);
    }
}
