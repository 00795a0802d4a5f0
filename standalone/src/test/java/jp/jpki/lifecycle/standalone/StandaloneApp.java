package jp.jpki.lifecycle.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone application booted for a test on a random port and a private data directory, with an HTTP
 * client that logs in as one of the demo staff accounts.
 */
public final class StandaloneApp implements AutoCloseable {

    public static final String CLERK = "clerk";
    public static final String SUPERVISOR = "supervisor";
    public static final String STATISTICS = "statistics";
    public static final String AUDITOR = "auditor";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    private StandaloneApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts on {@code dataDir}; extra {@code --key=value} arguments override the embedded defaults. */
    public static StandaloneApp start(Path dataDir, String... extraArguments) {
        return start(dataDir, new Class<?>[0], extraArguments);
    }

    /** As {@link #start(Path, String...)}, with test configurations whose beans replace the defaults. */
    public static StandaloneApp start(Path dataDir, Class<?>[] testConfigurations, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--jpki.data-dir=" + dataDir,
                "--jpki.ca.keystore=" + dataDir.resolve("ca/jpki-ca.p12"), "--jpki.policies.monthly-maintenance=false"));
        arguments.addAll(List.of(extraArguments));
        SpringApplication application = new SpringApplication(StandaloneApplication.class);
        application.addPrimarySources(List.of(testConfigurations));
        return new StandaloneApp(application.run(arguments.toArray(String[]::new)));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public HttpResponse<String> get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    public HttpResponse<String> post(String user, String path, String json) {
        return send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user));
    }

    /** Polls a JSON resource until it satisfies the condition; projections are eventually consistent. */
    public JsonNode await(String user, String path, Predicate<JsonNode> condition, String description) {
        return await(user, path, condition, description, Duration.ofSeconds(30));
    }

    public JsonNode await(String user, String path, Predicate<JsonNode> condition, String description, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(user, path);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode node = json(response.body());
                if (condition.test(node)) {
                    return node;
                }
            }
            sleep(100);
        }
        throw new AssertionError("not " + description + " at " + path + " within " + patience + "; last answer: " + last);
    }

    /** Issues both certificates to a generic adult resident of the demo municipality and waits until they are on the card. */
    public JsonNode issueAndAwait(String pairId) {
        HttpResponse<String> issued = post(CLERK, "/api/certificate-pairs", """
                {"pairId":"%s",
                 "holder":{"residentRef":"R-%s","municipalityCode":"131121","name":"Test Resident","address":"Setagaya 1-1-1",
                           "dateOfBirth":"1980-04-04","sex":"FEMALE","adultWard":false},
                 "card":{"cardId":"CARD-%s","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                 "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","terminalId":"embedded-terminal"}
                """.formatted(pairId, pairId, pairId));
        if (issued.statusCode() != 202) {
            throw new AssertionError("issuance of " + pairId + " answered " + issued.statusCode() + ": " + issued.body());
        }
        return await(CLERK, "/api/certificate-pairs/" + pairId, pair -> pair.at("/certificates/AUTH/status").asText().equals("ACTIVE")
                && pair.at("/certificates/SIGN/status").asText().equals("ACTIVE"), "issued");
    }

    /** A complete issuance of both certificates to a resident of Setagaya (131121) at the embedded terminal. */
    public static String issuance(String pairId) {
        return """
                {"pairId":"%s",
                 "holder":{"residentRef":"R-%s","municipalityCode":"131121","name":"Test Goro","address":"Setagaya 6-6",
                           "dateOfBirth":"1975-07-07","sex":"MALE","adultWard":false},
                 "card":{"cardId":"CARD-%s","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                 "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","documents":["A"],"terminalId":"embedded-terminal"}
                """.formatted(pairId, pairId, pairId);
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
