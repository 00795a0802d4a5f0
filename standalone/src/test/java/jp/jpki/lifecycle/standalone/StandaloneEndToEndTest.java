package jp.jpki.lifecycle.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default for real: random ports, real HTTP, real embedded stores in a temporary data
 * directory. A command goes in, its projection comes out; after a restart on the same directory the data is
 * still there.
 */
class StandaloneEndToEndTest {

    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void issuance_goes_in_projection_comes_out_and_survives_a_restart() throws Exception {
        String pairId = "e2e-pair-0001";
        try (ConfigurableApplicationContext app = start()) {
            String base = baseUrl(app);
            HttpResponse<String> issued = post(base + "/api/certificate-pairs", """
                    {"pairId":"%s",
                     "holder":{"residentRef":"R-000001","municipalityCode":"131121","name":"Test Taro",
                               "address":"Setagaya 1-1","dateOfBirth":"1985-11-14","sex":"MALE","adultWard":false},
                     "card":{"cardId":"CARD-0001","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                     "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","terminalId":"embedded-terminal"}
                    """.formatted(pairId));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);

            String view = awaitBody(base + "/api/certificate-pairs/" + pairId, "\"CERTIFICATES_WRITTEN\"");
            assertThat(view).contains("\"SIGN\"", "\"AUTH\"", "\"ACTIVE\"", "CARD-0001");

            HttpResponse<String> unknown = get(base + "/api/certificate-pairs/does-not-exist-1");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

            HttpResponse<String> refused = post(base + "/api/certificate-pairs/" + pairId + "/renewals",
                    "{\"kinds\":[\"AUTH\"],\"applicant\":\"RESIDENT\",\"terminalId\":\"embedded-terminal\"}");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("R-REN-1", "opensOn");
        }
        try (ConfigurableApplicationContext app = start()) {
            String base = baseUrl(app);
            HttpResponse<String> after = get(base + "/api/certificate-pairs/" + pairId);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("\"ACTIVE\"", "CARD-0001");
            HttpResponse<String> lock = post(base + "/api/certificate-pairs/" + pairId + "/pin-locks", "{\"kind\":\"AUTH\"}");
            assertThat(lock.statusCode()).as("the aggregate is rebuilt from the persisted events").isEqualTo(200);
            assertThat(awaitBody(base + "/api/certificate-pairs/" + pairId, "\"PIN_LOCKED\"")).contains("\"pinLocked\":true");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplication(StandaloneApplication.class).run("--server.port=0",
                "--jpki.data-dir=" + dataDir, "--jpki.ca.keystore=" + dataDir.resolve("ca/jpki-ca.p12"),
                "--jpki.policies.monthly-maintenance=false");
    }

    private static String baseUrl(ConfigurableApplicationContext app) {
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private String awaitBody(String url, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(url);
            body = response.body();
            if (response.statusCode() == 200 && body.contains(expected)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + expected + " at " + url + " within 30 s; last body: " + body);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", CLERK).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", CLERK)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
