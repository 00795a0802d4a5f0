package jp.jpki.lifecycle.query.revocation;

import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import jp.jpki.lifecycle.query.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where the revocation-status projection stands against the event store: every second it moves a build of the
 * statuses on ({@link RevocationStatusStore#follow}), and it tells whether the statuses may be missing a
 * certificate the CA issued lately (the projection is behind the head).
 */
@Component
class RevocationStatusFollower implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RevocationStatusFollower.class);

    private final RevocationStatusStore store;
    private final LongSupplier position;
    private final LongSupplier head;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "revocation-status-follower");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    RevocationStatusFollower(RevocationStatusStore store, EventProcessingConfiguration processing, EventStore events) {
        this(store, () -> position(processing), () -> head(events));
    }

    RevocationStatusFollower(RevocationStatusStore store, LongSupplier position, LongSupplier head) {
        this.store = store;
        this.position = position;
        this.head = head;
    }

    @Override
    public void afterSingletonsInstantiated() {
        executor.scheduleWithFixedDelay(this::follow, 1, 1, TimeUnit.SECONDS);
    }

    void follow() {
        try {
            boolean before = store.vouches();
            store.follow(position.getAsLong(), head);
            if (before != store.vouches()) {
                log.info("revocation statuses {}", store.vouches() ? "complete: CRLs and OCSP answer from them again"
                        : "being built: the last CRL serves and OCSP answers tryLater for what it cannot vouch for");
            }
        } catch (RuntimeException e) {
            if (!executor.isShutdown()) {
                log.warn("cannot check the revocation-status build: {}", e.toString());
            }
        }
    }

    /** Whether the projection has not yet read every event in the store. */
    boolean behind() {
        return position.getAsLong() < head.getAsLong();
    }

    private static long position(EventProcessingConfiguration processing) {
        return processing.eventProcessor(ProcessingGroups.REVOCATION_STATUS, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream().map(EventTrackerStatus::getTrackingToken)
                        .mapToLong(RevocationStatusFollower::position).min().orElse(-1))
                .orElse(-1L);
    }

    private static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }

    private static long head(EventStore events) {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
