package jp.jpki.lifecycle.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The distributed deployment end to end on this machine: {@code scripts/topology.sh} starts Axon Server (the jar
 * {@code AXONSERVER_JAR} names, with access control and TLS), a private PostgreSQL 15, the MongoDB stand-in and
 * the three services as separate JVMs; everything here goes through their HTTP APIs, openssl and kill -9.
 * Without {@code AXONSERVER_JAR} the test is skipped and says why.
 */
@DisplayName("topology: command side, query side and card gateway as separate services on Axon Server")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration CARD_WORK = Duration.ofSeconds(120);
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path DIR = Path.of(System.getenv().getOrDefault("TOPOLOGY_DIR", ROOT.resolve("target/topology").toString()));
    private static final List<String> TIMINGS = new ArrayList<>();

    private static boolean started;
    private static Map<String, String> env;
    private static String command;
    private static String query;

    @BeforeAll
    static void startTopology() throws Exception {
        String jar = System.getenv("AXONSERVER_JAR");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "AXONSERVER_JAR is not set to an Axon Server SE jar: the topology test needs a running Axon Server, "
                        + "which is not part of this project (docs/deployment.md says how to get one)");
        script("stop");
        deleteRecursively(DIR);
        long start = System.nanoTime();
        started = true;
        script("start");
        TIMINGS.add("topology start: " + seconds(start));
        env = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("topology.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        command = "http://127.0.0.1:" + env.get("COMMAND_PORT");
        query = "http://127.0.0.1:" + env.get("QUERY_PORT");
    }

    @AfterAll
    static void stopTopology() throws Exception {
        if (started) {
            script("stop");
        }
        System.out.println("TopologyIT timings:\n  " + String.join("\n  ", TIMINGS));
    }

    @Test
    @Order(1)
    @DisplayName("the query side refuses anonymous callers with 401")
    void anonymousIsRefused() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(query + "/api/certificate-pairs?residentRef=R-1")).GET().build()).statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(2)
    @DisplayName("issue -> ACTIVE on the query side -> renew -> PIN lock and reset -> revoke -> CRL and OCSP by openssl")
    void lifecycle() throws Exception {
        String pairId = "topo-pair-0001";
        long start = System.nanoTime();
        // a card that expires in 75 days caps the certificates' notAfter there: inside their renewal window today
        LocalDate cardExpiry = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(75);
        LocalDate received = cardExpiry.minusYears(10).plusDays(20);
        assertThat(post(command, "clerk", "/api/certificate-pairs", issuance(pairId, cardExpiry.minusYears(50).toString(),
                received.toString(), received.plusDays(20).toString())).statusCode())
                .isBetween(200, 202);
        JsonNode active = awaitPair(pairId, view -> status(view, "SIGN").equals("ACTIVE") && status(view, "AUTH").equals("ACTIVE"));
        TIMINGS.add("issuance, request to ACTIVE on the query side: " + seconds(start));
        assertThat(active.path("certificates").path("AUTH").path("renewalWindowOpen").asBoolean()).isTrue();

        String oldAuthSerial = serial(active, "AUTH");
        start = System.nanoTime();
        assertThat(post(command, "clerk", "/api/certificate-pairs/" + pairId + "/renewals",
                "{\"kinds\":[\"AUTH\"],\"applicant\":\"RESIDENT\",\"documents\":[\"A\"],\"terminalId\":\"counter-01\"}").statusCode())
                .isBetween(200, 202);
        JsonNode renewed = awaitPair(pairId, view -> !serial(view, "AUTH").equals(oldAuthSerial) && status(view, "AUTH").equals("ACTIVE"));
        TIMINGS.add("renewal to ACTIVE: " + seconds(start));

        assertThat(post(command, "clerk", "/api/certificate-pairs/" + pairId + "/pin-locks", "{\"kind\":\"AUTH\"}").statusCode())
                .isBetween(200, 202);
        awaitPair(pairId, view -> view.path("certificates").path("AUTH").path("pinLocked").asBoolean());
        start = System.nanoTime();
        assertThat(post(command, "clerk", "/api/certificate-pairs/" + pairId + "/pin-resets",
                "{\"kind\":\"AUTH\",\"applicant\":\"RESIDENT\",\"documents\":[\"A\"],\"terminalId\":\"counter-01\"}").statusCode())
                .isBetween(200, 202);
        awaitPair(pairId, view -> !view.path("certificates").path("AUTH").path("pinLocked").asBoolean());
        TIMINGS.add("PIN reset to unlocked: " + seconds(start));

        String signSerial = serial(renewed, "SIGN");
        assertThat(post(command, "clerk", "/api/certificate-pairs/" + pairId + "/revocations",
                "{\"kinds\":[\"SIGN\"],\"cause\":\"LOSS\"}").statusCode()).isEqualTo(200);
        awaitPair(pairId, view -> status(view, "SIGN").equals("REVOKED"));

        Path ca = DIR.resolve("sign-ca.pem");
        pem(get(query, "clerk", "/pki/sign/ca.crt").body(), "CERTIFICATE", ca);
        String ocsp = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ocsp.contains(": revoked") && System.nanoTime() < deadline) {
            ocsp = openssl("ocsp", "-issuer", ca.toString(), "-serial", "0x" + signSerial, "-url", query + "/pki/sign/ocsp",
                    "-CAfile", ca.toString());
        }
        assertThat(ocsp).contains(": revoked", "Reason: keyCompromise", "Response verify OK");
        Path crl = DIR.resolve("sign.crl");
        Files.write(crl, get(query, "clerk", "/pki/sign/crl").body());
        assertThat(openssl("crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", ca.toString(), "-noout", "-text"))
                .containsIgnoringCase(signSerial).contains("Key Compromise");
        assertThat(openssl("crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", ca.toString(), "-noout"))
                .contains("verify OK");
    }

    @Test
    @Order(3)
    @DisplayName("a refusal crosses the bus as 422 naming its rule; a lookup by resident answers a list")
    void refusalAndLookup() throws Exception {
        String pairId = "topo-pair-0002";
        assertThat(post(command, "clerk", "/api/certificate-pairs", issuance(pairId, "1980-06-15", "2024-01-10", "2024-02-01")).statusCode())
                .isBetween(200, 202);
        awaitPair(pairId, view -> status(view, "AUTH").equals("ACTIVE"));

        HttpResponse<byte[]> refused = post(command, "clerk", "/api/certificate-pairs/" + pairId + "/renewals",
                "{\"kinds\":[\"AUTH\"],\"applicant\":\"RESIDENT\",\"documents\":[\"A\"],\"terminalId\":\"counter-01\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("ruleId").asText()).isEqualTo("R-REN-1");
        assertThat(problem.path("opensOn").asText()).isNotBlank();

        HttpResponse<byte[]> unknown = post(command, "clerk", "/api/certificate-pairs/topo-pair-none/revocations",
                "{\"kinds\":[\"SIGN\"],\"cause\":\"LOSS\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);

        JsonNode found = JSON.readTree(get(query, "clerk", "/api/certificate-pairs?residentRef=R-" + pairId).body());
        assertThat(found.isArray()).isTrue();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("pairId").asText()).isEqualTo(pairId);
    }

    @Test
    @Order(4)
    @DisplayName("card gateway killed -9 mid-issuance and restarted: the work finishes, no card is written twice, work requested while it was down is done")
    void gatewayKilledMidIssuance() throws Exception {
        String midWork = "topo-pair-0003";
        assertThat(post(command, "clerk", "/api/certificate-pairs", issuance(midWork, "1982-03-03", "2024-01-10", "2024-02-01")).statusCode())
                .isBetween(200, 202);
        awaitPair(midWork, view -> !view.path("certificates").path("AUTH").path("pendingRequestId").isMissingNode()
                && !view.path("certificates").path("AUTH").path("pendingRequestId").isNull());
        script("kill9", "card-gateway");

        String whileDown = "topo-pair-0004";
        assertThat(post(command, "clerk", "/api/certificate-pairs", issuance(whileDown, "1983-04-04", "2024-01-10", "2024-02-01")).statusCode())
                .isBetween(200, 202);
        long restart = System.nanoTime();
        script("restart", "card-gateway");
        TIMINGS.add("card gateway restart (JVM start to healthy): " + seconds(restart));

        for (String pairId : List.of(midWork, whileDown)) {
            awaitPair(pairId, view -> status(view, "SIGN").equals("ACTIVE") && status(view, "AUTH").equals("ACTIVE"));
            List<String> history = historyTypes(pairId);
            assertThat(history).as(pairId + " history").containsOnlyOnce("CertificatesWrittenToCard");
            assertThat(history.stream().filter("CertificatesIssued"::equals).count()).as(pairId + " signed once").isEqualTo(1);
            assertThat(history).as(pairId + " history").doesNotContain("CardWorkAbandoned");
        }
        TIMINGS.add("both pairs ACTIVE after the gateway's restart: " + seconds(restart));
    }

    @Test
    @Order(5)
    @DisplayName("query side killed -9 and restarted: the projections catch up, exactly as a rebuild makes them")
    void querySideKilledAndRestarted() throws Exception {
        script("kill9", "query-side");
        String whileDown = "topo-pair-0005";
        assertThat(post(command, "clerk", "/api/certificate-pairs", issuance(whileDown, "1984-05-05", "2024-01-10", "2024-02-01")).statusCode())
                .isBetween(200, 202);
        long restart = System.nanoTime();
        script("restart", "query-side");
        awaitPair(whileDown, view -> status(view, "AUTH").equals("ACTIVE") && status(view, "SIGN").equals("ACTIVE"));
        TIMINGS.add("query side restart to caught up: " + seconds(restart));

        List<String> pairs = List.of("topo-pair-0001", "topo-pair-0002", "topo-pair-0003", "topo-pair-0004", whileDown);
        Map<String, JsonNode> caughtUp = new HashMap<>();
        for (String pairId : pairs) {
            caughtUp.put(pairId, JSON.readTree(get(query, "clerk", "/api/certificate-pairs/" + pairId).body()));
        }
        assertThat(post(query, "supervisor", "/api/admin/projections/counter-view/rebuild", "").statusCode()).isEqualTo(202);
        long rebuild = System.nanoTime();
        long deadline = rebuild + Duration.ofSeconds(120).toNanos();
        Map<String, JsonNode> rebuilt = new HashMap<>();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            if (!rebuildRunning()) {
                for (String pairId : pairs) {
                    rebuilt.put(pairId, JSON.readTree(get(query, "clerk", "/api/certificate-pairs/" + pairId).body()));
                }
                break;
            }
        }
        TIMINGS.add("counter-view rebuild: " + seconds(rebuild));
        assertThat(rebuilt).isEqualTo(caughtUp);
    }

    /** The query side forgets a rebuild once the projection has caught up with the head again. */
    private static boolean rebuildRunning() throws Exception {
        for (JsonNode report : JSON.readTree(get(query, "supervisor", "/api/admin/projections").body())) {
            if ("counter-view".equals(report.path("progress").path("name").asText())) {
                return !report.path("rebuild").isNull() && !report.path("rebuild").isMissingNode();
            }
        }
        return true;
    }

    private static List<String> historyTypes(String pairId) throws Exception {
        HttpResponse<byte[]> response = send(request(query, "auditor", "/api/audit/certificate-pairs/" + pairId + "/history")
                .header("X-Audit-Reason", "topology test: card written once").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        JSON.readTree(response.body()).forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }

    private static JsonNode awaitPair(String pairId, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + CARD_WORK.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> response = get(query, "clerk", "/api/certificate-pairs/" + pairId);
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("pair " + pairId + " did not reach the expected state within " + CARD_WORK + "; last view: " + last);
    }

    private static String status(JsonNode view, String kind) {
        return view.path("certificates").path(kind).path("status").asText();
    }

    private static String serial(JsonNode view, String kind) {
        return view.path("certificates").path(kind).path("serialHex").asText();
    }

    /** An adult resident; the card expires on the tenth birthday after the application and caps the certificates. */
    private static String issuance(String pairId, String dateOfBirth, String receivedOn, String issuedOn) {
        return """
                {"pairId":"%s",
                 "holder":{"residentRef":"R-%s","municipalityCode":"131121","name":"Topology Taro","address":"Setagaya 1-1",
                           "dateOfBirth":"%s","sex":"MALE","adultWard":false},
                 "card":{"cardId":"CARD-%s","applicationReceivedOn":"%s","issuedOn":"%s"},
                 "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","documents":["A"],"terminalId":"counter-01"}
                """.formatted(pairId, pairId, dateOfBirth, pairId, receivedOn, issuedOn);
    }

    private static HttpResponse<byte[]> get(String base, String user, String path) throws Exception {
        return send(request(base, user, path).GET().build());
    }

    private static HttpResponse<byte[]> post(String base, String user, String path, String body) throws Exception {
        return send(request(base, user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest.Builder request(String base, String user, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void script(String... arguments) throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>(List.of(ROOT.resolve("scripts/topology.sh").toString()));
        commandLine.addAll(List.of(arguments));
        Process process = new ProcessBuilder(commandLine).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        int exit = process.waitFor();
        assertThat(exit).as("scripts/topology.sh " + String.join(" ", arguments)).isZero();
    }

    private static String openssl(String... arguments) throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>(List.of("openssl"));
        commandLine.addAll(List.of(arguments));
        Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static void pem(byte[] der, String type, Path file) throws IOException {
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n");
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
