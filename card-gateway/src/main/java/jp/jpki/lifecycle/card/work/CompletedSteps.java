package jp.jpki.lifecycle.card.work;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import jp.jpki.lifecycle.api.card.CardWorkOrder;

/**
 * Results of card steps already done at this terminal, so a redelivered order does not act on the card twice.
 * A result is remembered for the card, the request and the step together: an order for another card is never
 * answered from what was done on this one, whatever request id it carries (R-CRD-5).
 */
final class CompletedSteps {

    private final Map<Key, Object> results;

    CompletedSteps(int capacity) {
        this.results = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Object once(CardWorkOrder order, Supplier<Object> step) {
        Key key = new Key(order.cardId(), order.requestId(), order.getClass().getSimpleName());
        Object earlier = results.get(key);
        if (earlier != null) {
            return earlier;
        }
        Object result = step.get();
        results.put(key, result);
        return result;
    }

    private record Key(String cardId, String requestId, String step) {
    }
}
