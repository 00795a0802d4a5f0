package jp.jpki.lifecycle.query.admin;

import java.util.OptionalLong;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Where one projection stands against the event store's head: events done, the total, and whether it is
 * replaying. Positions are the global sequence of the embedded store and of Axon Server alike.
 */
record ProjectionProgress(String name, boolean running, boolean replaying, long position, long head) {

    static ProjectionProgress of(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.values().stream().map(EventTrackerStatus::getTrackingToken)
                .map(ProjectionProgress::position).mapToLong(p -> p.orElse(-1)).min().orElse(-1);
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        return new ProjectionProgress(name, processor.isRunning(), replaying, Math.max(position, 0), head);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

    long lag() {
        return Math.max(0, head - position);
    }

    double done() {
        return head <= 0 ? 1.0 : Math.min(1.0, (double) position / head);
    }
}
