package jp.jpki.lifecycle.command.infrastructure;

import jp.jpki.lifecycle.api.pair.MetadataKeys;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who acted, where and through which channel travels from the counter command onto every event it causes,
 * and from there onto the commands sagas send: the audit trail names the operator of each change.
 */
@Configuration(proxyBeanMethods = false)
public class CallerCorrelationConfiguration {

    /** Correlation and causation ids; declared here because a provider of our own replaces Axon's default one. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider callerCorrelation() {
        return new SimpleCorrelationDataProvider(MetadataKeys.OPERATOR, MetadataKeys.OFFICE, MetadataKeys.MUNICIPALITY,
                MetadataKeys.TERMINAL, MetadataKeys.CHANNEL, MetadataKeys.IDEMPOTENCY_KEY);
    }
}
