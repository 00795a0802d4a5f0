package jp.jpki.lifecycle.command.ca;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the CA's ledger close to the event store's head in the background, so a CRL request finds it caught up
 * (a request still reads what is left before it signs).
 */
class CaLedgerFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaLedgerFollower.class);
    private static final Duration EVERY = Duration.ofSeconds(2);

    private final CaLedger ledger;
    private ScheduledExecutorService executor;

    CaLedgerFollower(CaLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ca-ledger");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::follow, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void follow() {
        try {
            ledger.catchUp(Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            log.warn("the CA's ledger could not read the event store; it tries again in {} s: {}", EVERY.toSeconds(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** After Axon's own components (which start in lower phases), before the web server takes requests. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
