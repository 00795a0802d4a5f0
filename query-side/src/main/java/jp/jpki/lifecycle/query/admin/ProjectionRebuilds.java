package jp.jpki.lifecycle.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.jpki.lifecycle.query.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a read model from the event store: stop its processor, reset its tokens (its {@code @ResetHandler}
 * clears the collections), start it again, and report progress (events done / total, rate, ETA) in the log every
 * few seconds, in the admin endpoint, and as the gauges {@code jpki.projection.position} and
 * {@code jpki.projection.lag} per processor, which double as projection-lag metrics in normal operation.
 */
@Component
class ProjectionRebuilds implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    record Rebuild(Instant startedAt, long startHead) {
    }

    record Report(ProjectionProgress progress, Rebuild rebuild, double eventsPerSecond, Duration eta) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuilds(EventProcessingConfiguration processing, EventStore events, MeterRegistry meters, Clock clock) {
        this.processing = processing;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : ProcessingGroups.PROJECTIONS) {
            Gauge.builder("jpki.projection.position", () -> progress(name).map(ProjectionProgress::position).orElse(0L))
                    .tag("processor", name).description("global sequence the projection has processed").register(meters);
            Gauge.builder("jpki.projection.lag", () -> progress(name).map(ProjectionProgress::lag).orElse(0L))
                    .tag("processor", name).description("events in the store the projection has not processed yet").register(meters);
        }
        reporter.scheduleAtFixedRate(this::logProgress, 5, 5, TimeUnit.SECONDS);
    }

    List<Report> reports() {
        return ProcessingGroups.PROJECTIONS.stream().map(this::report).flatMap(Optional::stream).toList();
    }

    Optional<Report> rebuild(String name) {
        Optional<StreamingEventProcessor> processor = processor(name);
        processor.ifPresent(p -> {
            p.shutDown();
            p.resetTokens();
            rebuilds.put(name, new Rebuild(clock.instant(), head()));
            p.start();
            log.info("rebuild of projection {} started: {} events to replay", name, head());
        });
        return processor.flatMap(p -> report(name));
    }

    private Optional<Report> report(String name) {
        return progress(name).map(progress -> {
            Rebuild rebuild = rebuilds.get(name);
            if (rebuild == null) {
                return new Report(progress, null, 0, Duration.ZERO);
            }
            double seconds = Math.max(0.001, Duration.between(rebuild.startedAt(), clock.instant()).toMillis() / 1000.0);
            double rate = progress.position() / seconds;
            Duration eta = rate <= 0 ? Duration.ZERO : Duration.ofSeconds((long) (progress.lag() / rate));
            return new Report(progress, rebuild, rate, eta);
        });
    }

    private void logProgress() {
        rebuilds.keySet().forEach(name -> report(name).ifPresent(report -> {
            ProjectionProgress progress = report.progress();
            log.info("rebuild of projection {}: {}/{} events ({}%), {} events/s, ETA {}s{}", name, progress.position(),
                    progress.head(), Math.round(progress.done() * 100), Math.round(report.eventsPerSecond()),
                    report.eta().toSeconds(), progress.lag() == 0 ? " (caught up)" : "");
            // Axon keeps the replay flag until an event newer than the reset arrives; position is what counts.
            if (progress.lag() == 0) {
                rebuilds.remove(name);
            }
        }));
    }

    private Optional<ProjectionProgress> progress(String name) {
        return processor(name).map(processor -> ProjectionProgress.of(name, processor, head()));
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return ProcessingGroups.PROJECTIONS.contains(name) ? processing.eventProcessor(name, StreamingEventProcessor.class)
                : Optional.empty();
    }

    private long head() {
        return events.createHeadToken() == null ? 0 : events.createHeadToken().position().orElse(0);
    }

    @Override
    public void destroy() {
        reporter.shutdownNow();
    }
}
