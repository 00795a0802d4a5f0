package jp.jpki.lifecycle.command.infrastructure;

import jp.jpki.lifecycle.command.policy.move.MovePeriods;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The move periods as a handler resource of the pair. */
@Configuration(proxyBeanMethods = false)
public class MovePeriodsConfiguration {

    @Bean
    MovePeriods movePeriods() {
        return new MovePeriods();
    }
}
