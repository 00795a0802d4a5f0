package jp.jpki.lifecycle.standalone.input;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Thousands of broken requests against every counter endpoint of the running standalone app: malformed JSON,
 * wrong types, missing fields, impossible dates, oversized bodies, unknown enum values, invalid ids, wrong
 * media types. Every one must be answered with a 4xx {@code application/problem+json}, never a 5xx, and
 * must leave the event store exactly as it was.
 */
class BadInputTest {

    private static final String PAIR = "bad-input-pair-01";
    private static final Map<String, AtomicInteger> ANSWERS = new ConcurrentHashMap<>();
    private static Path dataDir;
    private static StandaloneApp app;
    private static JdbcTemplate events;
    private static long eventCount;

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("jpki-bad-input");
        app = StandaloneApp.start(dataDir);
        HttpResponse<String> issued = app.post(CLERK, "/api/certificate-pairs", CounterEndpoint.ISSUE.validBody().replace(
                "\"kinds\"", "\"pairId\":\"" + PAIR + "\",\"kinds\""));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);
        app.await(CLERK, "/api/certificate-pairs/" + PAIR,
                pair -> pair.at("/certificates/AUTH/status").asText().equals("ACTIVE"), "issued");
        events = new JdbcTemplate(app.bean(javax.sql.DataSource.class));
        eventCount = awaitStableEventCount();
    }

    @AfterContainer
    static void stop() throws IOException {
        Map<String, Integer> summary = new TreeMap<>();
        ANSWERS.forEach((key, count) -> summary.put(key, count.get()));
        String report = "bad inputs by endpoint, mutation and status:\n" + String.join("\n",
                summary.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList()) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "bad-input-report.txt"), report);
        System.out.println(report);
        app.close();
    }

    @Property(tries = 12_000, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void every_broken_counter_request_gets_a_4xx_problem_and_changes_nothing(
            @ForAll CounterEndpoint endpoint, @ForAll("mutationsOf") Mutation mutation, @ForAll long seed) {
        Mutation applicable = mutation.appliesTo(endpoint) ? mutation : Mutation.BAD_ID;
        HttpRequest request = applicable.request(app, endpoint, PAIR, new Random(seed));
        HttpResponse<String> answer = app.send(request);

        ANSWERS.computeIfAbsent("%-26s %-14s %d".formatted(endpoint, applicable, answer.statusCode()),
                k -> new AtomicInteger()).incrementAndGet();
        assertThat(answer.statusCode()).as("%s %s -> %s", endpoint, applicable, answer.body()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).as("%s %s", endpoint, applicable)
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(events.queryForObject("select count(*) from DomainEventEntry", Long.class))
                .as("no event from %s %s", endpoint, applicable).isEqualTo(eventCount);
    }

    @Property(tries = 1_000, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void every_broken_lookup_gets_a_4xx_problem(@ForAll("brokenLookups") String path) {
        HttpResponse<String> answer = app.get(CLERK, path);
        ANSWERS.computeIfAbsent("%-26s %-14s %d".formatted("LOOKUP", "BROKEN_QUERY", answer.statusCode()),
                k -> new AtomicInteger()).incrementAndGet();
        assertThat(answer.statusCode()).as("%s -> %s", path, answer.body()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    }

    @Provide
    Arbitrary<Mutation> mutationsOf() {
        return Arbitraries.of(Mutation.class);
    }

    @Provide
    Arbitrary<String> brokenLookups() {
        Arbitrary<String> garbage = Arbitraries.strings().withChars("abcXYZ019-_.~!$&'()*+,;=:@%").ofMinLength(0).ofMaxLength(80)
                .map(s -> s.replace("%", "%25"));
        return Arbitraries.oneOf(
                garbage.map(id -> "/api/certificate-pairs/" + (id.length() >= 8 && id.matches("[A-Za-z0-9-]+") ? id + "$" : id + "!")),
                Arbitraries.of("/api/certificate-pairs", "/api/certificate-pairs?residentRef=R-1&cardId=CARD-1",
                        "/api/certificate-pairs?serial=&cardId=", "/api/certificate-pairs?residentRef=" + "r".repeat(300),
                        "/api/certificate-pairs/%00abcdefgh", "/api/certificate-pairs/..%2F..%2Fadmin",
                        "/api/certificate-pairs/%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AEID"),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(4000).map(s -> "/api/certificate-pairs?serial=" + s));
    }

    private static long awaitStableEventCount() {
        long previous = -1;
        long current = events.queryForObject("select count(*) from DomainEventEntry", Long.class);
        while (current != previous) {
            sleep(1500);
            previous = current;
            current = events.queryForObject("select count(*) from DomainEventEntry", Long.class);
        }
        return current;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        return StandaloneApp.json(json);
    }
}
