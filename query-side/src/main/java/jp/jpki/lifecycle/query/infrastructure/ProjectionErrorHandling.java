package jp.jpki.lifecycle.query.infrastructure;

import jp.jpki.lifecycle.query.ProcessingGroups;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Axon 4 logs a failing event handler and moves the token past the event, which would leave a read model silently
 * wrong. Our projections propagate instead: the processor retries the batch with back-off, and the sequence guards
 * make the retry safe.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionErrorHandling {

    @Autowired
    void propagateHandlerFailures(EventProcessingConfigurer processing) {
        for (String group : ProcessingGroups.PROJECTIONS) {
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }
}
