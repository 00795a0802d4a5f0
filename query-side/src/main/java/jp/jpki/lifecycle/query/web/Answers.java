package jp.jpki.lifecycle.query.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Waits for a query answer from the {@code QueryGateway}, which may come from another node in distributed mode. */
public final class Answers {
    /** A counter screen waits no longer than this; a read model that slow is an outage, not a result. */
    private static final long TIMEOUT_SECONDS = 10;

    private Answers() {
    }

    public static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
