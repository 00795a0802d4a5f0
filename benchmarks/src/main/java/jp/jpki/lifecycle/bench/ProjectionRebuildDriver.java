package jp.jpki.lifecycle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.audit.verify.CanonicalJson;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * T4: projection rebuild rate on a generated data directory. {@code initial}: the first start, where all four
 * projections build from the store at once (timed from the start of the JVM's app context, so it includes about
 * 10 s of startup); {@code rebuild}: then each projection rebuilt alone through the admin endpoint, as an operator
 * would. Reports events/s per projection from the positions the admin endpoint shows, and whether each rebuilt read
 * model is document for document what it was before (a rebuild must reproduce the same read models). Naming
 * projections limits both to them.
 * Usage: ProjectionRebuildDriver dataDir [initial|rebuild|both=both] [projection ...]
 */
public final class ProjectionRebuildDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A rebuild whose position does not move for this long is reported as stuck instead of waited for. */
    private static final Duration STALL = Duration.ofMinutes(3);
    private static final long MAX_FINGERPRINTED = 200_000;
    private static final String SUPERVISOR = "Basic " + Base64.getEncoder().encodeToString("supervisor:supervisor-demo".getBytes(StandardCharsets.UTF_8));

    /** The collection each projection owns, compared before and after its rebuild. */
    private static final Map<String, String> COLLECTIONS = Map.of("counter-view", "counter_view",
            "statistics", "statistics_days", "revocation-status", "revocation_status", "audit-trail", "audit_trail");

    private final HttpClient http = HttpClient.newHttpClient();
    private String base;
    private MongoTemplate mongo;

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "both";
        List<String> projections = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("counter-view", "statistics", "revocation-status", "audit-trail");
        long start = System.nanoTime();
        try (StandaloneOnDataDir app = new StandaloneOnDataDir(dataDir)) {
            ProjectionRebuildDriver driver = new ProjectionRebuildDriver();
            driver.base = app.baseUrl();
            driver.mongo = app.bean(MongoTemplate.class);
            if (!mode.equals("rebuild")) {
                driver.stopAllBut(projections, app.bean(EventProcessingConfiguration.class));
                driver.awaitAll(start, projections, "initial build, " + String.join(" and ", projections) + " at once (incl. startup)");
            }
            if (!mode.equals("initial")) {
                for (String projection : projections) {
                    driver.rebuild(projection);
                }
            }
        }
        System.exit(0);
    }

    /**
     * On a store of millions of events, the first start can build just the read models a measurement needs; the
     * other projections are stopped as soon as the app is up, a few seconds into their own build.
     */
    private void stopAllBut(List<String> projections, EventProcessingConfiguration processing) {
        COLLECTIONS.keySet().stream().filter(name -> !projections.contains(name))
                .forEach(name -> processing.eventProcessor(name).ifPresent(EventProcessor::shutDown));
    }

    private void awaitAll(long start, List<String> projections, String what) throws Exception {
        Map<String, Double> doneAfter = new HashMap<>();
        long head = 0;
        while (doneAfter.size() < projections.size()) {
            for (JsonNode report : projections()) {
                String name = report.at("/progress/name").asText();
                if (!projections.contains(name)) {
                    continue;
                }
                head = report.at("/progress/head").asLong();
                if (!doneAfter.containsKey(name) && report.at("/progress/position").asLong() >= head) {
                    doneAfter.put(name, (System.nanoTime() - start) / 1e9);
                }
            }
            Thread.sleep(250);
        }
        System.out.printf("%s: %,d events%n", what, head);
        long events = head;
        for (Map.Entry<String, Double> done : doneAfter.entrySet()) {
            // the fingerprint tells whether two stores of the same events in another order give the same read model
            System.out.printf("  %-18s %7.1f s  %,8.0f events/s  read model %s%n", done.getKey(), done.getValue(),
                    events / done.getValue(), fingerprint(done.getKey()));
        }
    }

    private void rebuild(String projection) throws Exception {
        String before = fingerprint(projection);
        long start = System.nanoTime();
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/projections/" + projection + "/rebuild"))
                .header("Authorization", SUPERVISOR).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        long lastPosition = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() - lastProgress < STALL.toNanos()) {
            for (JsonNode report : projections()) {
                if (!report.at("/progress/name").asText().equals(projection)) {
                    continue;
                }
                long position = report.at("/progress/position").asLong();
                long head = report.at("/progress/head").asLong();
                if (position >= head) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("rebuild %-18s alone: %,d events in %.1f s = %,.0f events/s; read model %s%n", projection, head,
                            seconds, head / seconds, fingerprint(projection).equals(before) ? "identical to before" : "DIFFERENT from before");
                    return;
                }
                if (position != lastPosition) {
                    lastPosition = position;
                    lastProgress = System.nanoTime();
                }
            }
            Thread.sleep(250);
        }
        System.out.printf("rebuild %-18s alone: no progress for %d s at position %,d; stopped waiting%n", projection, STALL.toSeconds(), lastPosition);
    }

    /**
     * Every document of the projection's collection in _id order, hashed with its keys sorted (field order means
     * nothing in a document): equal hashes, equal read models.
     */
    private String fingerprint(String projection) throws Exception {
        long count = mongo.getCollection(COLLECTIONS.get(projection)).estimatedDocumentCount();
        if (count > MAX_FINGERPRINTED) {
            // the embedded server sorts a whole collection in memory: a million documents ran the heap out
            return count + " documents, too many to fingerprint";
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long documents = 0;
        // in batches: the embedded server answers a sorted find of the whole audit trail in one reply otherwise
        for (Document document : mongo.getCollection(COLLECTIONS.get(projection)).find().sort(new Document("_id", 1)).batchSize(1_000)) {
            sha256.update(CanonicalJson.of(CanonicalJson.parse(document.toJson())).getBytes(StandardCharsets.UTF_8));
            documents++;
        }
        return documents + ":" + HexFormat.of().formatHex(sha256.digest());
    }

    private JsonNode projections() throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/projections")).header("Authorization", SUPERVISOR).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
