package jp.jpki.lifecycle.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.jpki.lifecycle.standalone.StandaloneApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * T2/T3: the standalone app on the embedded default, driven over HTTP by N concurrent clients with a counter mix
 * (issue 30 %, PIN lock 15 %, revoke 15 %, lookups 30 %, statistics 10 %) for a duration, reporting throughput,
 * latency percentiles per operation, 5xx answers, projection lag, peak heap and RSS.
 * Usage: LoadDriver [seconds=30] [clients=16] [seedPairs=200] [issuePercent=30]; with issuePercent 0 the issue share goes to
 * lookups, which isolates the command and query paths from the in-process virtual card's RSA key generation.
 * <p>
 * A running deployment instead of the embedded default: {@code -Djpki.bench.command-url=http://host:8080
 * -Djpki.bench.query-url=http://host:8081 -Djpki.bench.terminal=counter-01} (the distributed deployment, e.g.
 * {@code scripts/topology.sh}, with the demo staff accounts); commands go to the first, reads to the second.
 */
public final class LoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    private static final String SUPERVISOR = "Basic " + Base64.getEncoder().encodeToString("supervisor:supervisor-demo".getBytes(StandardCharsets.UTF_8));
    private static final String STATISTICS = "Basic " + Base64.getEncoder().encodeToString("statistics:statistics-demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicLong maxLag = new AtomicLong();
    private String commandBase;
    private String queryBase;
    private String terminal = "embedded-terminal";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seedPairs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int issuePercent = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        System.setProperty("axoniq.update-checker.disabled", "true");
        String commandUrl = System.getProperty("jpki.bench.command-url");
        if (commandUrl != null) {
            LoadDriver driver = new LoadDriver();
            driver.queryBase = System.getProperty("jpki.bench.query-url", commandUrl);
            driver.terminal = System.getProperty("jpki.bench.terminal", driver.terminal);
            driver.run(commandUrl, seconds, clients, seedPairs, issuePercent);
            System.exit(0);
        }
        Path data = Files.createTempDirectory("jpki-load");
        ConfigurableApplicationContext app = new SpringApplication(StandaloneApplication.class).run("--server.port=0",
                "--jpki.data-dir=" + data, "--jpki.ca.keystore=" + data.resolve("ca/ca.p12"), "--jpki.policies.monthly-maintenance=false",
                "--logging.level.root=WARN");
        try {
            new LoadDriver().run("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort(), seconds, clients, seedPairs,
                    issuePercent);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private void run(String baseUrl, int seconds, int clients, int seedPairs, int issuePercent) throws Exception {
        commandBase = baseUrl;
        queryBase = queryBase == null ? baseUrl : queryBase;
        List<String> pairs = new ArrayList<>();
        ExecutorService seeding = Executors.newFixedThreadPool(8);
        for (int i = 0; i < seedPairs; i++) {
            String pair = "seed-%06d".formatted(i);
            pairs.add(pair);
            seeding.submit(() -> send("POST", "/api/certificate-pairs", CLERK, issue(pair), "seed"));
        }
        seeding.shutdown();
        seeding.awaitTermination(10, TimeUnit.MINUTES);
        awaitCaughtUp(Duration.ofMinutes(10));
        latencies.clear();
        System.out.printf("seeded %d pairs; driving %d clients for %d s%n", seedPairs, clients, seconds);

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger issued = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(clients + 1);
        load.submit(() -> {
            while (System.nanoTime() < end) {
                maxLag.accumulateAndGet(lag(), Math::max);
                Thread.sleep(500);
            }
            return null;
        });
        for (int c = 0; c < clients; c++) {
            load.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String pair = pairs.get(random.nextInt(pairs.size()));
                    int dice = random.nextInt(100);
                    if (dice < issuePercent) {
                        send("POST", "/api/certificate-pairs", CLERK, issue("load-" + issued.incrementAndGet() + "-" + random.nextInt(1_000_000)), "issue");
                    } else if (dice < issuePercent + 15) {
                        send("POST", "/api/certificate-pairs/" + pair + "/pin-locks", CLERK, "{\"kind\":\"AUTH\"}", "pin-lock");
                    } else if (dice < issuePercent + 30) {
                        send("POST", "/api/certificate-pairs/" + pair + "/revocations", CLERK, "{\"kinds\":[\"SIGN\"],\"cause\":\"HOLDER_REQUEST\"}", "revoke");
                    } else if (dice < 90) {
                        send("GET", "/api/certificate-pairs/" + pair, CLERK, null, "lookup");
                    } else {
                        send("GET", "/api/statistics?from=2026-01-01&to=2030-12-31&groupBy=office,kind,operation", STATISTICS, null, "statistics");
                    }
                }
                return null;
            });
        }
        load.shutdown();
        load.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        long catchUpStart = System.nanoTime();
        awaitCaughtUp(Duration.ofMinutes(10));
        long catchUp = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - catchUpStart);

        long total = latencies.values().stream().mapToLong(List::size).sum();
        System.out.printf("throughput: %.0f requests/s over %d s (%d requests, %d answered 5xx)%n", (double) total / seconds, seconds, total, serverErrors.get());
        latencies.forEach((operation, samples) -> {
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-10s n=%6d  %6.0f/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", operation, sorted.length,
                    (double) sorted.length / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
        });
        System.out.printf("projection lag: max %d events during the run; caught up %d ms after the last request%n", maxLag.get(), catchUp);
        System.out.printf("peak heap used %d MiB; RSS high-water mark %s%n",
                ManagementFactory.getMemoryPoolMXBeans().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024),
                Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("?"));
    }

    private static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1)] / 1_000_000.0;
    }

    private void send(String method, String path, String auth, String body, String operation) {
        String base = "GET".equals(method) ? queryBase : commandBase;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Authorization", auth);
        request = body == null ? request.GET() : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        long start = System.nanoTime();
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            latencies.computeIfAbsent(operation, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
            if (status >= 500) {
                serverErrors.incrementAndGet();
            }
        } catch (Exception e) {
            serverErrors.incrementAndGet();
        }
    }

    private long lag() {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(queryBase + "/api/admin/projections")).header("Authorization", SUPERVISOR).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long lag = 0;
            for (var report : JSON.readTree(body)) {
                lag = Math.max(lag, report.at("/progress/head").asLong() - report.at("/progress/position").asLong());
            }
            return lag;
        } catch (Exception e) {
            return 0;
        }
    }

    private void awaitCaughtUp(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && lag() > 0) {
            Thread.sleep(200);
        }
    }

    private String issue(String pair) {
        return """
                {"pairId":"%s","holder":{"residentRef":"R-%s","municipalityCode":"131121","name":"Load Test","address":"Setagaya 1-1",
                 "dateOfBirth":"1980-01-01","sex":"MALE","adultWard":false},
                 "card":{"cardId":"CARD-%s","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                 "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","terminalId":"%s"}""".formatted(pair, pair, pair, terminal);
    }
}
