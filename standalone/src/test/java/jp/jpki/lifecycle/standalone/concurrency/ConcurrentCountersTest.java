package jp.jpki.lifecycle.standalone.concurrency;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static jp.jpki.lifecycle.standalone.StandaloneApp.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counters working at once. Commands on one pair are decided one after another by the aggregate, so of two
 * conflicting commands one wins and the other is told why (409); across many pairs nothing acknowledged is
 * lost and nothing refused leaves a trace.
 */
class ConcurrentCountersTest {

    private static final int PAIRS = 100;
    private static final String[] COMMANDS = {
            "pin-locks|{\"kind\":\"AUTH\"}", "pin-locks|{\"kind\":\"SIGN\"}", "pin-locks|{\"kind\":\"AUTH\"}",
            "loss-reports|", "revocations|{\"kinds\":[\"AUTH\"],\"cause\":\"LOSS\"}",
            "revocations|{\"kinds\":[\"SIGN\"],\"cause\":\"HOLDER_REQUEST\"}",
            "basic-info-changes|{\"changedItems\":[\"ADDRESS\"],\"effectiveOn\":\"2026-01-01\"}",
            "emigrations|{\"emigratedOn\":\"2026-01-01\"}", "card-invalidations|{\"cause\":\"RETURNED\"}",
            "pin-locks|{\"kind\":\"SIGN\"}"};

    @TempDir
    static Path dataDir;
    private static StandaloneApp app;

    @BeforeAll
    static void start() throws Exception {
        app = StandaloneApp.start(dataDir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> issued = new ArrayList<>();
            for (int i = 0; i < PAIRS + 1; i++) {
                String pair = pairId(i);
                issued.add(pool.submit(() -> app.post(CLERK, "/api/certificate-pairs", StandaloneApp.issuance(pair))));
            }
            for (Future<HttpResponse<String>> answer : issued) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < PAIRS + 1; i++) {
            app.await(CLERK, "/api/certificate-pairs/" + pairId(i),
                    p -> p.at("/certificates/AUTH/status").asText().equals("ACTIVE")
                            && p.at("/certificates/SIGN/status").asText().equals("ACTIVE"), "issued", Duration.ofMinutes(4));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void of_two_clerks_renewing_one_pair_at_once_one_wins_and_the_other_gets_a_409() throws Exception {
        String pair = pairId(PAIRS);
        assertThat(app.post(CLERK, "/api/certificate-pairs/" + pair + "/pin-locks", "{\"kind\":\"AUTH\"}").statusCode()).isEqualTo(200);
        String reset = "{\"kind\":\"AUTH\",\"applicant\":\"RESIDENT\",\"documents\":[\"A\"],\"terminalId\":\"embedded-terminal\"}";
        // both callers' passwords checked once before the race: a first BCrypt check (cost 10) would let one arrive late
        app.get(CLERK, "/api/certificate-pairs/" + pair);
        app.get(SUPERVISOR, "/api/certificate-pairs/" + pair);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> first = pool.submit(atOnce(go, () -> app.post(CLERK, "/api/certificate-pairs/" + pair + "/pin-resets", reset)));
            Future<HttpResponse<String>> second = pool.submit(atOnce(go, () -> app.post(SUPERVISOR, "/api/certificate-pairs/" + pair + "/pin-resets", reset)));
            go.countDown();
            List<HttpResponse<String>> answers = List.of(first.get(), second.get());
            assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 409);
            HttpResponse<String> loser = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
            assertThat(loser.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(StandaloneApp.json(loser.body()).at("/detail").asText()).as("a clear message").isNotBlank();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_thousand_concurrent_commands_over_a_hundred_pairs_lose_nothing() throws Exception {
        Map<String, Integer> statusByKey = new ConcurrentHashMap<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            for (int c = 0; c < COMMANDS.length; c++) {
                String key = "conc-" + pair + "-" + c;
                String[] command = COMMANDS[c].split("\\|", 2);
                String path = "/api/certificate-pairs/" + pairId(pair) + "/" + command[0];
                work.add(() -> {
                    HttpRequest request = app.request(CLERK, path).header("Idempotency-Key", key)
                            .header("Content-Type", "application/json")
                            .POST(command[1].isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(command[1]))
                            .build();
                    statusByKey.put(key, app.send(request).statusCode());
                    return null;
                });
            }
        }
        java.util.Collections.shuffle(work, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statusByKey).hasSize(PAIRS * COMMANDS.length);
        assertThat(statusByKey.values()).as("every command is answered: done, refused by a rule, or in conflict")
                .allMatch(status -> status == 200 || status == 409 || status == 422);
        Set<String> keysOnEvents = new HashSet<>();
        Set<String> lockedKinds = new HashSet<>();
        EventStore events = app.bean(EventStore.class);
        IntStream.range(0, PAIRS).forEach(pair -> events.readEvents(pairId(pair)).asStream().forEach(event -> {
            String key = (String) event.getMetaData().get(MetadataKeys.IDEMPOTENCY_KEY);
            if (key != null && key.startsWith("conc-")) {
                keysOnEvents.add(key);
            }
            if (event.getPayload() instanceof PinLocked locked) {
                lockedKinds.add(pair + "/" + locked.kind());
            }
        }));
        Set<String> acknowledged = new HashSet<>();
        statusByKey.forEach((key, status) -> {
            if (status == 200) {
                acknowledged.add(key);
            }
        });
        assertThat(acknowledged).as("some commands won").hasSizeGreaterThan(PAIRS);
        assertThat(keysOnEvents).as("no refused command left an event").isSubsetOf(acknowledged);
        Set<String> withoutEvents = new HashSet<>(acknowledged);
        withoutEvents.removeAll(keysOnEvents);
        assertThat(withoutEvents).as("an acknowledged command without events only re-records a PIN lock already recorded")
                .allSatisfy(key -> {
                    String[] parts = key.split("-");
                    String command = COMMANDS[Integer.parseInt(parts[2])];
                    assertThat(command).startsWith("pin-locks|");
                    String kind = command.contains("AUTH") ? "AUTH" : "SIGN";
                    assertThat(lockedKinds).contains(parts[1] + "/" + kind);
                });
    }

    private static <T> Callable<T> atOnce(CountDownLatch go, Callable<T> action) {
        return () -> {
            go.await();
            return action.call();
        };
    }

    private static String pairId(int i) {
        return "conc-pair-%04d".formatted(i);
    }
}
