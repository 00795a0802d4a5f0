package jp.jpki.lifecycle.card.work;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;

/** Results of card steps already done at this terminal, so a redelivered order does not act on the card twice. */
final class CompletedSteps {

    private final Cache<String, Object> results;

    CompletedSteps(int capacity) {
        this.results = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** One step at a time: the terminal has one card reader. */
    synchronized Object once(String key, Supplier<Object> step) {
        Object earlier = results.getIfPresent(key);
        if (earlier != null) {
            return earlier;
        }
        Object result = step.get();
        if (result != null) {
            results.put(key, result);
        }
        return result;
    }
}
