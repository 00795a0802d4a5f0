package jp.jpki.lifecycle.command.counter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Honest idempotency for the counter's POSTs. An {@code Idempotency-Key} belongs to the caller who sent it and
 * names exactly one request (method, path and body, {@link RequestFingerprint}): its retry gets the first answer
 * and nothing is done twice; the same key with anything else is refused (R-IDEM-2) instead of being answered with
 * another request's result. Keys are bounded (R-IDEM-1).
 *
 * <p>The memory is the command side's relational database (table {@code idempotency_keys}), so it survives a
 * restart and is shared by every command-side instance. A key is claimed by inserting its row before the command is
 * sent; the primary key (caller, key) lets exactly one of two racing requests claim it, the other is told the first
 * is still in flight (R-IDEM-3). The answer is stored with the row once the command succeeded; a refused command
 * releases the key, since it changed nothing. Keys are kept {@code jpki.idempotency.retention} (24 h): a retry is
 * expected within minutes, and after a day the same key is a new request. A claim whose instance died before
 * answering is taken over after {@code jpki.idempotency.in-flight-lease}, longer than any command waits.
 */
@Component
class IdempotencyKeys {

    static final Pattern BOUNDED = Pattern.compile("[\\x21-\\x7E]{1,64}");
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final Duration retention;
    private final Duration inFlightLease;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    IdempotencyKeys(DataSource dataSource, Clock clock, ObjectMapper json,
                    @Value("${jpki.idempotency.retention:PT24H}") Duration retention,
                    @Value("${jpki.idempotency.in-flight-lease:PT5M}") Duration inFlightLease) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.json = json;
        this.retention = retention;
        this.inFlightLease = inFlightLease;
    }

    /** Runs {@code action} once for this caller, key and request; {@code key} null means the client sent none. */
    ResponseEntity<?> once(String caller, String key, RequestFingerprint request, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        if (!BOUNDED.matcher(key).matches()) {
            throw new InvalidIdempotencyKeyException();
        }
        Instant now = clock.instant();
        purgeExpired(now);
        Stored earlier = claim(caller, key, request, now);
        if (earlier != null) {
            return replay(key, request, earlier);
        }
        ResponseEntity<?> answer;
        try {
            answer = action.get();
        } catch (RuntimeException | Error refused) {
            jdbc.update("DELETE FROM idempotency_keys WHERE caller = ? AND request_key = ? AND status IS NULL", caller, key);
            throw refused;
        }
        jdbc.update("UPDATE idempotency_keys SET status = ?, location = ?, body = ? WHERE caller = ? AND request_key = ?",
                answer.getStatusCode().value(), answer.getHeaders().getLocation() == null ? null
                        : answer.getHeaders().getLocation().toString(), body(answer), caller, key);
        return answer;
    }

    /** Claims the key (null), or answers the row that already holds it. */
    private Stored claim(String caller, String key, RequestFingerprint request, Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                jdbc.update("INSERT INTO idempotency_keys (caller, request_key, fingerprint, method, path, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", caller, key, request.sha256(), request.method(), clip(request.path()), utc(now));
                return null;
            } catch (DuplicateKeyException taken) {
                Stored stored = find(caller, key);
                if (stored == null) {
                    continue; // purged or released meanwhile: claim it again
                }
                if (stored.createdAt().plus(retention).isBefore(now)) {
                    jdbc.update("DELETE FROM idempotency_keys WHERE caller = ? AND request_key = ? AND created_at = ?",
                            caller, key, utc(stored.createdAt()));
                    continue;
                }
                if (stored.status() == null && stored.createdAt().plus(inFlightLease).isBefore(now)
                        && stored.fingerprint().equals(request.sha256())
                        && jdbc.update("UPDATE idempotency_keys SET created_at = ? WHERE caller = ? AND request_key = ? "
                        + "AND status IS NULL AND created_at = ?", utc(now), caller, key, utc(stored.createdAt())) == 1) {
                    return null; // the instance that claimed it died before answering
                }
                return stored;
            }
        }
        throw new DuplicateRequestInFlightException(key);
    }

    private ResponseEntity<?> replay(String key, RequestFingerprint request, Stored stored) {
        if (!stored.fingerprint().equals(request.sha256())) {
            throw new RuleViolationException("R-IDEM-2", "Idempotency-Key " + key + " was first used for " + stored.method()
                    + " " + stored.path() + (stored.path().equals(request.path()) ? " with another body" : "")
                    + "; a key names exactly one request, so this one was not carried out: send it with a new key");
        }
        if (stored.status() == null) {
            throw new DuplicateRequestInFlightException(key);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            answer.location(URI.create(stored.location()));
        }
        try {
            return stored.body() == null ? answer.build() : answer.body(json.readTree(stored.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored answer of an idempotency key is not JSON", e);
        }
    }

    private Stored find(String caller, String key) {
        List<Stored> rows = jdbc.query("SELECT fingerprint, method, path, created_at, status, location, body FROM idempotency_keys "
                + "WHERE caller = ? AND request_key = ?", (row, n) -> new Stored(row.getString(1), row.getString(2),
                row.getString(3), row.getObject(4, OffsetDateTime.class).toInstant(),
                (Integer) row.getObject(5), row.getString(6), row.getString(7)), caller, key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Expired keys go at most once a minute, by whichever request comes first; the index on created_at keeps it cheap. */
    private void purgeExpired(Instant now) {
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            return;
        }
        jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?", utc(now.minus(retention)));
    }

    private String body(ResponseEntity<?> answer) {
        if (answer.getBody() == null) {
            return null;
        }
        try {
            return json.writeValueAsString(answer.getBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a counter answer is always JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String path) {
        return path.length() <= 512 ? path : path.substring(0, 512);
    }

    private record Stored(String fingerprint, String method, String path, Instant createdAt, Integer status,
                          String location, String body) {
    }

    /** R-IDEM-1: a key is 1 to 64 printable ASCII characters. */
    static class InvalidIdempotencyKeyException extends RuntimeException {
        InvalidIdempotencyKeyException() {
            super("R-IDEM-1: an Idempotency-Key is 1 to 64 printable ASCII characters (no spaces)");
        }
    }

    /** R-IDEM-3: the same key is being processed right now, here or on another instance. */
    static class DuplicateRequestInFlightException extends RuntimeException {
        DuplicateRequestInFlightException(String key) {
            super("R-IDEM-3: a request with Idempotency-Key " + key + " is still being processed; retry once it has been answered");
        }
    }
}
