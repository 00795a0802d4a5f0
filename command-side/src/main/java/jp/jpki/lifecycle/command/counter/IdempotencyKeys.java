package jp.jpki.lifecycle.command.counter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Remembers the answer to each (operator, Idempotency-Key) so a retried POST gets the first answer instead of
 * acting twice. Bounded, in memory: a retry is expected within seconds, not across a restart (after a
 * restart the aggregate's own checks refuse a duplicate card operation or revocation).
 */
@Component
class IdempotencyKeys {

    private static final int CAPACITY = 50_000;

    private final Cache<String, ResponseEntity<?>> answers = Caffeine.newBuilder().maximumSize(CAPACITY).build();
    private final Map<String, Object> inFlight = new ConcurrentHashMap<>();

    ResponseEntity<?> once(String operator, String key, Supplier<ResponseEntity<?>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        String id = operator + "\u0000" + key;
        ResponseEntity<?> earlier = answers.getIfPresent(id);
        if (earlier != null) {
            return earlier;
        }
        if (inFlight.putIfAbsent(id, Boolean.TRUE) != null) {
            throw new DuplicateRequestInFlightException(key);
        }
        try {
            ResponseEntity<?> answer = action.get();
            answers.put(id, answer);
            return answer;
        } finally {
            inFlight.remove(id);
        }
    }

    /** The same key is being processed right now. */
    static class DuplicateRequestInFlightException extends RuntimeException {
        DuplicateRequestInFlightException(String key) {
            super("a request with Idempotency-Key " + key + " is still being processed");
        }
    }
}
