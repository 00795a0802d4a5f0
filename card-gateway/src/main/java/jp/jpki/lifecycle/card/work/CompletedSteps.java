package jp.jpki.lifecycle.card.work;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import jp.jpki.lifecycle.api.card.CardWorkOrder;

/**
 * Results of card steps already done at this terminal, so a redelivered order does not act on the card twice.
 * A result is remembered for the card, the request and the step together: an order for another card is never
 * answered from what was done on this one, whatever request id it carries (R-CRD-5). Orders for one card run one
 * after the other, so a redelivery waits for the step in progress and gets its result; orders for different cards
 * wait only for the reader, which knows how many cards it can serve at once.
 */
final class CompletedSteps {

    private static final int CARD_LOCKS = 64;

    private final Map<Key, Object> results;
    private final Object[] cardLocks = new Object[CARD_LOCKS];

    CompletedSteps(int capacity) {
        this.results = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                return size() > capacity;
            }
        };
        for (int i = 0; i < CARD_LOCKS; i++) {
            cardLocks[i] = new Object();
        }
    }

    Object once(CardWorkOrder order, Supplier<Object> step) {
        Key key = new Key(order.cardId(), order.requestId(), order.getClass().getSimpleName());
        synchronized (cardLocks[Math.floorMod(order.cardId().hashCode(), CARD_LOCKS)]) {
            Object earlier;
            synchronized (results) {
                earlier = results.get(key);
            }
            if (earlier != null) {
                return earlier;
            }
            Object result = step.get();
            synchronized (results) {
                results.put(key, result);
            }
            return result;
        }
    }

    private record Key(String cardId, String requestId, String step) {
    }
}
