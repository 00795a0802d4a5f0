package jp.jpki.lifecycle.card.work;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

    private final Cache<Key, Object> results;
    private final Object[] cardLocks = new Object[CARD_LOCKS];

    CompletedSteps(int capacity) {
        this.results = Caffeine.newBuilder().maximumSize(capacity).build();
        for (int i = 0; i < CARD_LOCKS; i++) {
            cardLocks[i] = new Object();
        }
    }

    Object once(CardWorkOrder order, Supplier<Object> step) {
        Key key = new Key(order.cardId(), order.requestId(), order.getClass().getSimpleName());
        synchronized (cardLocks[Math.floorMod(order.cardId().hashCode(), CARD_LOCKS)]) {
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

    private record Key(String cardId, String requestId, String step) {
    }
}
