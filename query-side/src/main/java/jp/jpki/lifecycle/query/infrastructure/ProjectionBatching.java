package jp.jpki.lifecycle.query.infrastructure;

import jp.jpki.lifecycle.query.ProcessingGroups;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Projections take events in batches: one unit of work, one tracking-token write and one bulk read and write per
 * store and batch ({@link ProjectionBatch}) instead of round trips per event, which a rebuild or a backlog spends
 * most of its time on otherwise. A batch is only what is already in the store, so in steady state an event is
 * handled as soon as it arrives. A failing event rolls its batch back and the batch is retried; the projections'
 * redelivery guards make that safe.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionBatching {

    /**
     * Large enough that the per-batch round trips vanish next to the events' own cost, small enough that a batch
     * stays far below Axon's unit-of-work timeout (the janitor warns after 10 s) on a starved machine.
     */
    static final int BATCH_SIZE = 500;

    @Autowired
    void batchProjections(EventProcessingConfigurer processing) {
        for (String group : ProcessingGroups.PROJECTIONS) {
            processing.registerTrackingEventProcessorConfiguration(group,
                    configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE));
            processing.registerHandlerInterceptor(group, configuration -> new ProjectionBatch.Interceptor());
        }
    }
}
