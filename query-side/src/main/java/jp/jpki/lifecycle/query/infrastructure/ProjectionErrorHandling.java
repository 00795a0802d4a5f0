package jp.jpki.lifecycle.query.infrastructure;

import jp.jpki.lifecycle.query.ProcessingGroups;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Axon 4 logs a failing event handler and moves the token past the event, which would leave a read model silently
 * wrong. Our projections propagate instead: the processor retries the batch with back-off, and the sequence guards
 * make the retry safe.
 * <p>
 * Their tokens are stored after the batch, never before: with a transaction manager, Axon stores the token first,
 * expecting token and read model to commit together, but MongoDB writes here share no transaction, so a process
 * killed mid-batch would keep the advanced token and lose the batch's writes (the crash test caught exactly that).
 * Without one, the token follows the writes: at-least-once, which the guards make exact.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionErrorHandling {

    @Autowired
    void propagateHandlerFailures(EventProcessingConfigurer processing) {
        for (String group : ProcessingGroups.PROJECTIONS) {
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
            processing.registerTransactionManager(group, configuration -> NoTransactionManager.instance());
        }
    }
}
