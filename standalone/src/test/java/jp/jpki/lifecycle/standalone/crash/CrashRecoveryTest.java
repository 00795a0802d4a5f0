package jp.jpki.lifecycle.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone app as its own process under load, killed with SIGKILL mid-stream and restarted on the same data
 * directory: every acknowledged command has its events, the read models catch up to the event store exactly, the
 * card-work sagas finish what was in flight, and no card is written twice.
 */
class CrashRecoveryTest {

    private static final int CLIENTS = 6;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void acknowledged_work_survives_a_sigkill() throws Exception {
        int port = freePort();
        String base = "http://localhost:" + port;
        Set<String> acknowledgedIssues = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedLocks = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();

        Process first = launch(port);
        awaitUp(base);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            clients.submit(() -> {
                // One issuance a second per client (its card work is the slow part), and between them a stream of
                // PIN-lock commands on this client's earlier pairs, acknowledged or refused.
                List<String> mine = new ArrayList<>();
                for (int n = 0; running.get(); n++) {
                    if (n % 20 == 0) {
                        String pair = "crash-%02d-%05d".formatted(id, n / 20);
                        attempts.incrementAndGet();
                        if (post(base + "/api/certificate-pairs", issue(pair)) == 202) {
                            acknowledgedIssues.add(pair);
                            mine.add(pair);
                        }
                    } else if (!mine.isEmpty()) {
                        String pair = mine.get(n % mine.size());
                        attempts.incrementAndGet();
                        if (post(base + "/api/certificate-pairs/" + pair + "/pin-locks", "{\"kind\":\"AUTH\"}") == 200) {
                            acknowledgedLocks.add(pair);
                        }
                    }
                    Thread.sleep(50);
                }
                return null;
            });
        }
        // Kill mid-stream once enough work is acknowledged; counted, not timed, so a slow machine still gets load.
        long loadDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledgedIssues.size() < 16 && System.nanoTime() < loadDeadline) {
            Thread.sleep(100);
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        first.waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(1_000);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledgedIssues).as("load was acknowledged before the kill").hasSizeGreaterThan(10);

        Set<String> missingViews = new HashSet<>();
        Set<String> stuckCardWork = new HashSet<>();
        Set<String> inFlight = new HashSet<>();
        Set<String> givenUp = new HashSet<>();
        Process second = launch(port);
        try {
            awaitUp(base);
            JsonNode projections = await(base + "/api/admin/projections", StandaloneApp.SUPERVISOR, reports -> {
                for (JsonNode report : reports) {
                    if (report.at("/progress/position").asLong() < report.at("/progress/head").asLong()) {
                        return false;
                    }
                }
                return reports.size() == 4;
            });
            long head = projections.get(0).at("/progress/head").asLong();
            for (String pair : acknowledgedIssues) {
                JsonNode view;
                try {
                    // An event whose transaction committed after a later one's is a gap in the processor's token,
                    // filled on a later poll: position = head does not yet mean every event was seen.
                    view = await(base + "/api/certificate-pairs/" + pair, StandaloneApp.CLERK, v -> true, 30);
                } catch (AssertionError missing) {
                    missingViews.add(missing.getMessage());
                    continue;
                }
                if (view.at("/certificates/AUTH/status").asText().equals("ISSUING")) {
                    inFlight.add(pair);
                }
            }
            for (String pair : inFlight) {
                try {
                    JsonNode view = await(base + "/api/certificate-pairs/" + pair, StandaloneApp.CLERK, v -> {
                        String last = v.at("/lastOperation/type").asText();
                        return !v.at("/certificates/AUTH/status").asText().equals("ISSUING") || last.equals("CARD_WORK_ABANDONED");
                    });
                    if (view.at("/lastOperation/type").asText().equals("CARD_WORK_ABANDONED")) {
                        givenUp.add(pair);
                    }
                } catch (AssertionError stuck) {
                    stuckCardWork.add(pair);
                }
            }
            System.out.printf("crash test: %d requests tried, %d issuances and %d PIN locks acknowledged, event store head %d, "
                    + "%d card works in flight at the kill finished after restart (%d of them given up by the watchdog)%n",
                    attempts.get(), acknowledgedIssues.size(), acknowledgedLocks.size(), head, inFlight.size(), givenUp.size());
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }

        Map<String, List<String>> eventsByPair = new HashMap<>();
        Map<String, Integer> writesByRequest = new HashMap<>();
        try (Connection store = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("events/jpki"), "jpki", "");
             ResultSet rows = store.createStatement().executeQuery(
                     "select aggregateIdentifier, payloadType, payload from DomainEventEntry order by globalIndex")) {
            while (rows.next()) {
                String type = rows.getString(2);
                eventsByPair.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(type.substring(type.lastIndexOf('.') + 1));
                if (type.endsWith("CertificatesWrittenToCard")) {
                    String payload = new String(rows.getBytes(3), java.nio.charset.StandardCharsets.UTF_8);
                    writesByRequest.merge(StandaloneApp.json(payload).path("requestId").asText(), 1, Integer::sum);
                }
            }
        }
        Set<String> lost = new HashSet<>();
        acknowledgedIssues.forEach(pair -> {
            if (!eventsByPair.getOrDefault(pair, List.of()).contains("IssuanceRequested")) {
                lost.add(pair);
            }
        });
        acknowledgedLocks.forEach(pair -> {
            if (!eventsByPair.getOrDefault(pair, List.of()).contains("PinLocked")) {
                lost.add(pair + " (PIN lock)");
            }
        });
        assertThat(lost).as("acknowledged commands without their events").isEmpty();
        assertThat(writesByRequest.values()).as("no card written twice").allMatch(writes -> writes == 1);
        assertThat(missingViews).as("pairs in the event store but missing from the counter view after catch-up").isEmpty();
        assertThat(stuckCardWork).as("card work that never finished after the restart; their events: %s",
                stuckCardWork.stream().map(pair -> pair + "=" + eventsByPair.get(pair)).toList()).isEmpty();
        System.out.printf("crash test: acknowledged %d issuances + %d locks, found all of them; %d pairs in the store%n",
                acknowledgedIssues.size(), acknowledgedLocks.size(), eventsByPair.size());
    }

    private Process launch(int port) throws Exception {
        Path log = Files.createTempFile("jpki-crash-", ".log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                "jp.jpki.lifecycle.standalone.StandaloneApplication", "--server.port=" + port, "--jpki.data-dir=" + dataDir,
                "--jpki.policies.monthly-maintenance=false",
                // far below the 10-minute default, so that work whose saga was lost in the kill is given up in the test
                "--jpki.card-work.watchdog=PT120S")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitUp(String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not come up at " + base);
    }

    private int post(String url, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", StandaloneApp.basic(StandaloneApp.CLERK)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1; // the server is gone: not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private JsonNode await(String url, String user, java.util.function.Predicate<JsonNode> condition) throws Exception {
        return await(url, user, condition, 300);
    }

    private JsonNode await(String url, String user, java.util.function.Predicate<JsonNode> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", StandaloneApp.basic(user)).build(), HttpResponse.BodyHandlers.ofString());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && condition.test(StandaloneApp.json(response.body()))) {
                return StandaloneApp.json(response.body());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not reached at " + url + ": " + last);
    }

    private static String issue(String pair) {
        return """
                {"pairId":"%s","holder":{"residentRef":"R-%s","municipalityCode":"131121","name":"Test Ju","address":"Setagaya 11-11",
                 "dateOfBirth":"1988-08-08","sex":"MALE","adultWard":false},
                 "card":{"cardId":"CARD-%s","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                 "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","terminalId":"embedded-terminal"}""".formatted(pair, pair, pair);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
