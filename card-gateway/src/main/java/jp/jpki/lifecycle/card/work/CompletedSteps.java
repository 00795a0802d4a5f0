package jp.jpki.lifecycle.card.work;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Results of card steps already done at this terminal, so a redelivered order does not act on the card twice. */
final class CompletedSteps {

    private final Map<String, Object> results;

    CompletedSteps(int capacity) {
        this.results = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Object once(String key, Supplier<Object> step) {
        Object earlier = results.get(key);
        if (earlier != null) {
            return earlier;
        }
        Object result = step.get();
        results.put(key, result);
        return result;
    }
}
