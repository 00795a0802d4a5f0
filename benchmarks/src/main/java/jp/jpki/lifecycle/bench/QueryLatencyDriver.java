package jp.jpki.lifecycle.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;

/**
 * T5 and T6 on a generated data directory whose projections are built: counter lookups over HTTP as the demo clerk
 * (whose jurisdiction is municipality 131121, so the lookups target the generated pairs there) by pair id, resident
 * reference, card id and serial, one client at a time so the numbers are latencies, not queueing; then one year of
 * statistics grouped by office × kind × operation as the statistics user, several times. The lookups are measured
 * after a warm-up of all four kinds for {@code warmUpSeconds}: a counter's server runs for days, and its latency is
 * that of compiled code, not of the first thousands of requests, which the JIT is still compiling.
 * Usage: QueryLatencyDriver dataDir [lookupsPerKind=500] [statisticsRuns=7] [warmUpSeconds=30]
 */
public final class QueryLatencyDriver {

    private static final String CLERK = basic("clerk:clerk-demo");
    private static final String STATISTICS = basic("statistics:statistics-demo");
    private static final String DEMO_MUNICIPALITY = "131121";

    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int statisticsRuns = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Duration warmUp = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 30);
        List<PairManifest.Pair> pairs = PairManifest.read(dataDir).in(DEMO_MUNICIPALITY);
        try (StandaloneOnDataDir app = new StandaloneOnDataDir(dataDir)) {
            // reads of an idle server: a store whose other projections are not built would build them meanwhile
            app.bean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);
            QueryLatencyDriver driver = new QueryLatencyDriver();
            driver.base = app.baseUrl();
            System.out.printf("%,d pairs in the data dir's manifest are in %s%n", pairs.size(), DEMO_MUNICIPALITY);
            driver.lookups(pairs, lookups, warmUp);
            driver.statistics(LocalDate.now().getYear() - 1, statisticsRuns);
        }
        System.exit(0);
    }

    private void lookups(List<PairManifest.Pair> pairs, int count, Duration warmUp) throws Exception {
        Random random = new Random(7);
        List<Function<PairManifest.Pair, String>> kinds = List.of(
                p -> "/api/certificate-pairs/" + p.pairId(),
                p -> "/api/certificate-pairs?residentRef=" + encode(p.residentRef()),
                p -> "/api/certificate-pairs?cardId=" + encode(p.cardId()),
                p -> "/api/certificate-pairs?serial=" + p.authSerial());
        List<String> names = List.of("by pair id", "by resident ref", "by card id", "by AUTH serial");
        long warmedUp = 0;
        for (long end = System.nanoTime() + warmUp.toNanos(); System.nanoTime() < end; warmedUp++) {
            get(kinds.get((int) (warmedUp % kinds.size())).apply(pairs.get(random.nextInt(pairs.size()))), CLERK);
        }
        System.out.printf("warm-up: %,d lookups in %d s%n", warmedUp, warmUp.toSeconds());
        for (int k = 0; k < kinds.size(); k++) {
            List<Long> samples = new ArrayList<>();
            int misses = 0;
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get(kinds.get(k).apply(pairs.get(random.nextInt(pairs.size()))), CLERK);
                samples.add(System.nanoTime() - start);
                if (answer.statusCode() != 200 || answer.body().equals("[]")) {
                    misses++;
                }
            }
            System.out.printf("T5 lookup %-16s %s  (%d not found)%n", names.get(k), new Percentiles(samples).summary(), misses);
        }
    }

    private void statistics(int year, int runs) throws Exception {
        String path = "/api/statistics?from=%d-01-01&to=%d-12-31&groupBy=office,kind,operation".formatted(year, year);
        List<Long> samples = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < runs + 1; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = get(path, STATISTICS);
            if (i > 0) { // the first run warms up
                samples.add(System.nanoTime() - start);
            }
            rows = answer.body().split("\"count\"").length - 1;
        }
        System.out.printf("T6 statistics %d, office x kind x operation: %d rows; %s%n", year, rows, new Percentiles(samples).summary());
    }

    private HttpResponse<String> get(String path, String auth) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
