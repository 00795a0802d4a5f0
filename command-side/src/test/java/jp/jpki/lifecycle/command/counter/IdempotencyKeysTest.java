package jp.jpki.lifecycle.command.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.jpki.lifecycle.command.infrastructure.AdjustableClock;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys on the command side's database, with the PostgreSQL schema of the distributed deployment (H2 in
 * PostgreSQL mode). Two {@link IdempotencyKeys} on one database stand for two command-side instances.
 */
class IdempotencyKeysTest {

    private static final Instant START = Instant.parse("2026-05-01T01:00:00Z");
    private static final RequestFingerprint REVOKE_SIGN = RequestFingerprint.of("POST", "/api/certificate-pairs/p-1/revocations",
            "{\"kinds\":[\"SIGN\"],\"cause\":\"HOLDER_REQUEST\"}".getBytes(StandardCharsets.UTF_8));
    private static final RequestFingerprint REVOKE_AUTH = RequestFingerprint.of("POST", "/api/certificate-pairs/p-1/revocations",
            "{\"kinds\":[\"AUTH\"],\"cause\":\"HOLDER_REQUEST\"}".getBytes(StandardCharsets.UTF_8));

    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final AtomicInteger executions = new AtomicInteger();
    private JdbcDataSource database;
    private IdempotencyKeys keys;

    @BeforeEach
    void setUp() throws Exception {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:idem-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        String schema = new String(IdempotencyKeysTest.class.getResourceAsStream("/db/scheduler-postgresql.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        for (String statement : schema.substring(schema.indexOf("CREATE TABLE IF NOT EXISTS idempotency_keys")).split(";")) {
            if (!statement.isBlank()) {
                new JdbcTemplate(database).execute(statement);
            }
        }
        keys = instance();
    }

    private IdempotencyKeys instance() {
        return new IdempotencyKeys(database, clock, new ObjectMapper(), Duration.ofHours(24), Duration.ofMinutes(5));
    }

    private ResponseEntity<?> revoke() {
        executions.incrementAndGet();
        return ResponseEntity.ok().location(URI.create("/api/certificate-pairs/p-1")).body(Map.of("pairId", "p-1"));
    }

    @Test
    @DisplayName("R-IDEM-2: the same key, caller and request again gets the first answer; the command ran once")
    void replaySameRequest() {
        ResponseEntity<?> first = keys.once("clerk", "k-1", REVOKE_SIGN, this::revoke);
        ResponseEntity<?> again = keys.once("clerk", "k-1", REVOKE_SIGN, this::revoke);
        assertThat(executions).hasValue(1);
        assertThat(again.getStatusCode()).isEqualTo(first.getStatusCode());
        assertThat(again.getHeaders().getLocation()).isEqualTo(URI.create("/api/certificate-pairs/p-1"));
        assertThat(again.getBody().toString()).isEqualTo("{\"pairId\":\"p-1\"}");
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    @DisplayName("R-IDEM-2: the same key with another body, path or method is refused, naming the first use, and not carried out")
    void reuseWithAnotherRequestRefused() {
        keys.once("clerk", "k-2", REVOKE_SIGN, this::revoke);
        assertThatThrownBy(() -> keys.once("clerk", "k-2", REVOKE_AUTH, this::revoke))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).isEqualTo("R-IDEM-2"))
                .hasMessageContaining("/api/certificate-pairs/p-1/revocations").hasMessageContaining("another body");
        RequestFingerprint otherPath = RequestFingerprint.of("POST", "/api/certificate-pairs/p-2/revocations",
                "{\"kinds\":[\"SIGN\"],\"cause\":\"HOLDER_REQUEST\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> keys.once("clerk", "k-2", otherPath, this::revoke)).isInstanceOf(RuleViolationException.class);
        assertThat(executions).hasValue(1);
    }

    @Test
    @DisplayName("R-IDEM-2: a key belongs to its caller: another caller's same key is an independent request")
    void keysScopedToCaller() {
        keys.once("clerk", "k-3", REVOKE_SIGN, this::revoke);
        keys.once("supervisor", "k-3", REVOKE_AUTH, this::revoke);
        assertThat(executions).hasValue(2);
    }

    @Test
    @DisplayName("R-IDEM-1: a key longer than 64 characters, empty, or with other than printable ASCII is refused")
    void keysBounded() {
        for (String bad : new String[] {"k".repeat(65), "", "with space", "ключ", "tab\tkey"}) {
            assertThatThrownBy(() -> keys.once("clerk", bad, REVOKE_SIGN, this::revoke))
                    .isInstanceOf(IdempotencyKeys.InvalidIdempotencyKeyException.class).hasMessageContaining("R-IDEM-1");
        }
        keys.once("clerk", "k".repeat(64), REVOKE_SIGN, this::revoke);
        assertThat(executions).hasValue(1);
    }

    @Test
    @DisplayName("R-IDEM-3: two instances racing on one key: one carries it out, the other is told it is in flight")
    void racingInstances() throws Exception {
        IdempotencyKeys other = instance();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ResponseEntity<?>> slow = pool.submit(() -> keys.once("clerk", "k-4", REVOKE_SIGN, () -> {
                claimed.countDown();
                await(release);
                return revoke();
            }));
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> other.once("clerk", "k-4", REVOKE_SIGN, this::revoke))
                    .isInstanceOf(IdempotencyKeys.DuplicateRequestInFlightException.class).hasMessageContaining("R-IDEM-3");
            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
            assertThat(other.once("clerk", "k-4", REVOKE_SIGN, this::revoke).getStatusCode().value()).isEqualTo(200);
            assertThat(executions).as("carried out once across both instances").hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("R-IDEM-2: a refused command changed nothing and releases its key; the retry is carried out")
    void refusalReleasesKey() {
        assertThatThrownBy(() -> keys.once("clerk", "k-5", REVOKE_SIGN, () -> {
            throw new RuleViolationException("R-REV-1", "nothing to revoke");
        })).isInstanceOf(RuleViolationException.class);
        keys.once("clerk", "k-5", REVOKE_SIGN, this::revoke);
        assertThat(executions).hasValue(1);
    }

    @Test
    @DisplayName("R-IDEM-2: keys expire after the retention (24 h); the same key is then a new request")
    void keysExpire() {
        keys.once("clerk", "k-6", REVOKE_SIGN, this::revoke);
        clock.advanceTo(START.plus(Duration.ofHours(23)));
        assertThatThrownBy(() -> keys.once("clerk", "k-6", REVOKE_AUTH, this::revoke)).isInstanceOf(RuleViolationException.class);
        clock.advanceTo(START.plus(Duration.ofHours(25)));
        keys.once("clerk", "k-6", REVOKE_AUTH, this::revoke);
        assertThat(executions).hasValue(2);
        assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM idempotency_keys", Integer.class)).isEqualTo(1);
    }

    @Test
    @DisplayName("R-IDEM-3: a claim left by an instance that died before answering is taken over after the lease")
    void deadInstanceClaimTakenOver() {
        new JdbcTemplate(database).update("INSERT INTO idempotency_keys (caller, request_key, fingerprint, method, path, created_at) "
                + "VALUES ('clerk', 'k-7', ?, 'POST', '/x', ?)", REVOKE_SIGN.sha256(), START.atOffset(ZoneOffset.UTC));
        assertThatThrownBy(() -> keys.once("clerk", "k-7", REVOKE_SIGN, this::revoke))
                .isInstanceOf(IdempotencyKeys.DuplicateRequestInFlightException.class);
        clock.advanceTo(START.plus(Duration.ofMinutes(6)));
        assertThat(keys.once("clerk", "k-7", REVOKE_SIGN, this::revoke).getStatusCode().value()).isEqualTo(200);
        assertThat(executions).hasValue(1);
    }

    @Test
    @DisplayName("R-IDEM-2: no key, no memory: each request is carried out")
    void withoutKey() {
        keys.once("clerk", null, REVOKE_SIGN, this::revoke);
        keys.once("clerk", null, REVOKE_SIGN, this::revoke);
        assertThat(executions).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
