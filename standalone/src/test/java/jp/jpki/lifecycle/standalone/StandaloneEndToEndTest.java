package jp.jpki.lifecycle.standalone;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static jp.jpki.lifecycle.standalone.StandaloneApp.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default for real: random ports, real HTTP, real embedded stores in a temporary data
 * directory. A command goes in, its projection comes out; after a restart on the same directory the data is
 * still there.
 */
class StandaloneEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void issuance_goes_in_projection_comes_out_and_survives_a_restart() {
        String pairId = "e2e-pair-0001";
        String view = "/api/certificate-pairs/" + pairId;
        try (StandaloneApp app = StandaloneApp.start(dataDir)) {
            HttpResponse<String> issued = app.post(CLERK, "/api/certificate-pairs", """
                    {"pairId":"%s",
                     "holder":{"residentRef":"R-000001","municipalityCode":"131121","name":"Test Taro",
                               "address":"Setagaya 1-1","dateOfBirth":"1985-11-14","sex":"MALE","adultWard":false},
                     "card":{"cardId":"CARD-0001","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                     "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","terminalId":"embedded-terminal"}
                    """.formatted(pairId));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);

            app.await(CLERK, view, pair -> pair.at("/lastOperation/type").asText().equals("CERTIFICATES_WRITTEN"),
                    "written to the card");
            String body = app.get(CLERK, view).body();
            assertThat(body).contains("\"SIGN\"", "\"AUTH\"", "\"ACTIVE\"", "CARD-0001");

            HttpResponse<String> unknown = app.get(CLERK, "/api/certificate-pairs/does-not-exist-1");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

            HttpResponse<String> refused = app.post(CLERK, view + "/renewals",
                    "{\"kinds\":[\"AUTH\"],\"applicant\":\"RESIDENT\",\"terminalId\":\"embedded-terminal\"}");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("R-REN-1", "opensOn");

            String metrics = app.get(SUPERVISOR, "/actuator/prometheus").body();
            assertThat(metrics).as("docs/operations.md names these").contains(
                    "jpki_commands_seconds_count{command=\"IssueCertificates\",outcome=\"ok\"}",
                    "jpki_refusals_total{rule=\"R-REN-1\"}",
                    "jpki_events_appended_total{event=\"CertificatesWrittenToCard\"}",
                    "jpki_card_step_seconds_count{outcome=\"done\",step=\"generate-keys\"}",
                    "jpki_card_apdu_seconds_count{ins=\"A4\",outcome=\"ok\"}",
                    "jpki_projection_lag{processor=\"counter-view\"}");
        }
        try (StandaloneApp app = StandaloneApp.start(dataDir)) {
            HttpResponse<String> after = app.get(CLERK, view);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("\"ACTIVE\"", "CARD-0001");
            HttpResponse<String> lock = app.post(CLERK, view + "/pin-locks", "{\"kind\":\"AUTH\"}");
            assertThat(lock.statusCode()).as("the aggregate is rebuilt from the persisted events").isEqualTo(200);
            app.await(CLERK, view, pair -> pair.at("/certificates/AUTH/pinLocked").asBoolean(), "PIN-locked");
        }
    }
}
