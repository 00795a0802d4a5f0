package jp.jpki.lifecycle.query.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * One batch of events handled by a projection: the stores load what the whole batch touches at its first event,
 * change it in memory, and write it back in bulk after its last, instead of one or two round trips to MongoDB per
 * event (the rebuild profile spent most of its time in those).
 * <p>
 * The writes happen while the last event is handled, not when the unit of work commits: the processor stores its
 * token in the prepare-commit phase, and a token stored before the writes it covers would lose them to a crash.
 * A batch whose handler fails is rolled back before its last event and writes nothing; the processor retries it.
 * Handlers called outside a batching processor (tests, a plain unit of work) get a batch of their own event.
 */
public final class ProjectionBatch {

    /** What a store keeps for one batch. */
    public interface Pending {
        /** Writes the batch's changes; a failure fails the batch, which is then delivered again. */
        void flush();
    }

    private static final String RESOURCE = ProjectionBatch.class.getName();

    private final List<? extends EventMessage<?>> events;
    private final Map<Class<?>, Pending> pending = new LinkedHashMap<>();

    private ProjectionBatch(List<? extends EventMessage<?>> events) {
        this.events = events;
    }

    /**
     * Applies {@code change} to the store's state for the current batch, opening it with every event of the batch
     * the first time; outside a batch, opens it for nothing and flushes right away.
     */
    public static <P extends Pending> void apply(Class<P> type, Function<List<? extends EventMessage<?>>, P> open,
                                                 Consumer<P> change) {
        Optional<ProjectionBatch> batch = current();
        if (batch.isPresent()) {
            change.accept(batch.get().pending(type, open));
        } else {
            P single = open.apply(List.of());
            change.accept(single);
            single.flush();
        }
    }

    /** The pairs whose events are in a batch, each once, in the batch's order. */
    public static List<String> pairIds(List<? extends EventMessage<?>> events) {
        return events.stream().filter(DomainEventMessage.class::isInstance)
                .map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier()).distinct().toList();
    }

    private <P extends Pending> P pending(Class<P> type, Function<List<? extends EventMessage<?>>, P> open) {
        return type.cast(pending.computeIfAbsent(type, t -> open.apply(events)));
    }

    private static Optional<ProjectionBatch> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }

    private void flush() {
        pending.values().forEach(Pending::flush);
    }

    /** Opens the batch at its first event and flushes it after its last. */
    public static final class Interceptor implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
                throws Exception {
            if (!(unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batching)) {
                return interceptorChain.proceed();
            }
            if (batching.isFirstMessage()) {
                List<? extends EventMessage<?>> events = batching.getMessages();
                batching.resources().put(RESOURCE, new ProjectionBatch(events));
            }
            Object result = interceptorChain.proceed();
            if (batching.isLastMessage()) {
                ProjectionBatch batch = batching.getResource(RESOURCE);
                batch.flush();
            }
            return result;
        }
    }
}
