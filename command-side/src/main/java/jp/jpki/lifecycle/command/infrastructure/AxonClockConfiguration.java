package jp.jpki.lifecycle.command.infrastructure;

import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Configuration;

/** Event timestamps come from the same clock as the rules, so an audit trail and a decision agree on "now". */
@Configuration(proxyBeanMethods = false)
public class AxonClockConfiguration implements InitializingBean {

    private final Clock clock;

    public AxonClockConfiguration(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        GenericEventMessage.clock = clock;
    }
}
