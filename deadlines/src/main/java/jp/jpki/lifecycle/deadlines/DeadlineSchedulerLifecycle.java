package jp.jpki.lifecycle.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the deadline scheduler after Axon's configuration (phase {@code Integer.MAX_VALUE - 3072}) has
 * registered the deadline handlers, and stops it before Axon shuts down, so that no due deadline is picked
 * up while nothing can handle it and a restarted application never runs two schedulers on one table.
 */
public final class DeadlineSchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    public DeadlineSchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
