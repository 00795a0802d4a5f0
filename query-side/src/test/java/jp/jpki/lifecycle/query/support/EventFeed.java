package jp.jpki.lifecycle.query.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.query.infrastructure.ProjectionBatch;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

/**
 * Feeds a pair's events to a projection through Axon's own annotation handling, so the sequence number,
 * timestamp and metadata parameters resolve exactly as in a running processor. Sequence numbers count up per
 * pair; {@link #redeliver} replays a message already fed, as at-least-once delivery does.
 */
public final class EventFeed {
    private final AnnotationEventHandlerAdapter adapter;
    private final Map<PairId, Long> nextSequence = new HashMap<>();
    private final List<DomainEventMessage<?>> fed = new ArrayList<>();
    private List<DomainEventMessage<?>> batch;
    private Instant now = Instant.parse("2026-04-01T01:00:00Z");
    private Map<String, Object> metadata = Map.of(MetadataKeys.OPERATOR, "clerk-7", MetadataKeys.OFFICE, "setagaya-main",
            MetadataKeys.MUNICIPALITY, "131121");

    public EventFeed(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    /** Events fed after this call carry this timestamp. */
    public EventFeed at(Instant timestamp) {
        now = timestamp;
        return this;
    }

    /** Events fed after this call carry this metadata (operator, office, municipality). */
    public EventFeed by(Map<String, Object> metadata) {
        this.metadata = Map.copyOf(metadata);
        return this;
    }

    /** As raised by a deadline: no operator, office or municipality. */
    public EventFeed bySystem() {
        this.metadata = Map.of(MetadataKeys.CHANNEL, "SYSTEM");
        return this;
    }

    public DomainEventMessage<?> feed(PairId pairId, Object event) {
        long sequence = nextSequence.merge(pairId, 1L, Long::sum) - 1;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("CertificatePair", pairId.value(), sequence,
                event, metadata, UUID.randomUUID().toString(), now);
        fed.add(message);
        if (batch != null) {
            batch.add(message);
        } else {
            handle(message);
        }
        return message;
    }

    /**
     * Feeds what {@code feeding} feeds as one batch, as a tracking processor hands a projection what is in the
     * store: through {@link ProjectionBatch.Interceptor}, in one unit of work rolled back by any failure.
     */
    public void inOneBatch(Runnable feeding) {
        batch = new ArrayList<>();
        try {
            feeding.run();
            handleBatch(batch);
        } finally {
            batch = null;
        }
    }

    /** Delivers messages fed before once more, as one batch. */
    public void redeliverInOneBatch(List<DomainEventMessage<?>> messages) {
        handleBatch(messages);
    }

    private void handleBatch(List<DomainEventMessage<?>> messages) {
        BatchingUnitOfWork<DomainEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(new ProjectionBatch.Interceptor()), adapter::handle).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("batch failed", result.exceptionResult());
        }
    }

    public void feed(PairId pairId, Object... events) {
        for (Object event : events) {
            feed(pairId, event);
        }
    }

    public void redeliver(DomainEventMessage<?> message) {
        handle(message);
    }

    /** Replays everything fed so far, in order, as after a lost token. */
    public void redeliverAll() {
        List.copyOf(fed).forEach(this::handle);
    }

    private void handle(DomainEventMessage<?> message) {
        try {
            adapter.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("handler failed for " + message.getPayloadType().getSimpleName(), e);
        }
    }
}
