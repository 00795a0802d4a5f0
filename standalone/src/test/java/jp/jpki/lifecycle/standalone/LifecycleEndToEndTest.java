package jp.jpki.lifecycle.standalone;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import jp.jpki.lifecycle.command.infrastructure.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One resident's certificate pair through a decade of counter visits, over HTTP against the standalone app,
 * with the application clock moved forward between visits so that renewal windows open and deadlines fire
 * on the days the rules name. Dates are fixed (the clock is moved to 2030 first) so the expected validity
 * periods never depend on the day the test runs.
 */
class LifecycleEndToEndTest {

    private static final String PAIR = "lifecycle-pair-01";
    private static final String VIEW = "/api/certificate-pairs/" + PAIR;
    private static final String TERMINAL = "\"terminalId\":\"embedded-terminal\"";

    @TempDir
    Path dataDir;

    @Test
    void a_pair_lives_through_issue_pin_reset_address_change_reissue_renewal_expiry_hold_and_revocation() {
        try (StandaloneApp app = StandaloneApp.start(dataDir, "--jpki.clock.adjustable=true",
                "--jpki.deadlines.polling-interval=PT0.2S")) {
            AdjustableClock clock = app.bean(AdjustableClock.class);

            clock.advanceTo(jst("2030-01-10T10:00"));
            accepted(app.post(CLERK, "/api/certificate-pairs", issue("SIGN", "AUTH")));
            JsonNode pair = awaitStatus(app, "SIGN", "ACTIVE");
            awaitStatus(app, "AUTH", "ACTIVE");
            assertThat(pair.at("/cardExpiry").asText()).as("R-VAL-6: 10th birthday after the card's issue").isEqualTo("2039-11-14");
            assertThat(pair.at("/certificates/AUTH/notAfter").asText()).as("R-VAL-2: 5th birthday after issue").isEqualTo("2034-11-14");
            assertThat(pair.at("/certificates/SIGN/notAfter").asText()).as("R-VAL-3").isEqualTo("2034-11-14");
            String firstAuthSerial = pair.at("/certificates/AUTH/serialHex").asText();

            ok(app.post(CLERK, VIEW + "/pin-locks", "{\"kind\":\"AUTH\"}"));
            app.await(CLERK, VIEW, p -> p.at("/certificates/AUTH/pinLocked").asBoolean(), "R-PIN-3: AUTH PIN locked");
            java.time.Instant whileLocked = clock.instant();
            accepted(app.post(CLERK, VIEW + "/pin-resets", "{\"kind\":\"AUTH\",\"applicant\":\"RESIDENT\",\"documents\":[\"A\"]," + TERMINAL + "}"));
            pair = app.await(CLERK, VIEW, p -> !p.at("/certificates/AUTH/pinLocked").asBoolean(), "R-PIN-4: PIN reset");
            assertThat(pair.at("/certificates/AUTH/serialHex").asText()).as("a PIN reset keeps the certificate").isEqualTo(firstAuthSerial);

            clock.advanceTo(jst("2030-12-01T10:00"));
            ok(app.post(CLERK, VIEW + "/basic-info-changes", "{\"changedItems\":[\"ADDRESS\"],\"effectiveOn\":\"2030-12-01\"}"));
            pair = awaitStatus(app, "SIGN", "REVOKED");
            assertThat(pair.at("/certificates/SIGN/revocationReason").asText()).as("R-REV-2").isEqualTo("AFFILIATION_CHANGED");
            assertThat(pair.at("/certificates/AUTH/status").asText()).as("R-REV-2: AUTH survives an address change").isEqualTo("ACTIVE");
            java.time.Instant afterMove = clock.instant();

            accepted(app.post(CLERK, VIEW + "/issuances", issue("SIGN")));
            pair = awaitStatus(app, "SIGN", "ACTIVE");
            assertThat(pair.at("/certificates/SIGN/notAfter").asText())
                    .as("R-VAL-3/R-REV-5: the new SIGN (5th birthday 2035-11-14) is capped by AUTH").isEqualTo("2034-11-14");

            clock.advanceTo(jst("2031-06-01T10:00"));
            HttpResponse<String> early = app.post(CLERK, VIEW + "/renewals", renew("AUTH"));
            assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
            assertThat(early.body()).as("R-REN-1 names the opening day").contains("R-REN-1", "2034-08-15");

            clock.advanceTo(jst("2034-09-01T10:00"));
            accepted(app.post(CLERK, VIEW + "/renewals", renew("AUTH")));
            pair = app.await(CLERK, VIEW, p -> !p.at("/certificates/AUTH/serialHex").asText().equals(firstAuthSerial)
                    && p.at("/certificates/AUTH/status").asText().equals("ACTIVE"), "R-REN-2: renewed AUTH on the card");
            assertThat(pair.at("/certificates/AUTH/notAfter").asText())
                    .as("R-VAL-4: k = 6 (2040-11-14), capped by the card's expiry").isEqualTo("2039-11-14");

            clock.advanceTo(jst("2034-11-15T00:00:30"));
            pair = awaitStatus(app, "SIGN", "EXPIRED");
            assertThat(pair.at("/certificates/AUTH/status").asText()).isEqualTo("ACTIVE");

            ok(app.post(CLERK, VIEW + "/loss-reports", ""));
            awaitStatus(app, "AUTH", "ON_HOLD");
            ok(app.post(CLERK, VIEW + "/revocations", "{\"kinds\":[\"AUTH\"],\"cause\":\"LOSS\"}"));
            pair = awaitStatus(app, "AUTH", "REVOKED");
            assertThat(pair.at("/certificates/AUTH/revocationReason").asText()).as("R-REV-1, R-REV-4").isEqualTo("KEY_COMPROMISE");
            assertThat(pair.at("/certificates/SIGN/status").asText()).isEqualTo("EXPIRED");

            // The auditor replays the same history and finds each state the counter saw, at its instant.
            JsonNode locked = auditState(app, whileLocked);
            assertThat(locked.at("/certificates/AUTH/status").asText()).isEqualTo("ACTIVE");
            assertThat(locked.at("/certificates/AUTH/pinLocked").asBoolean()).isTrue();
            assertThat(locked.at("/certificates/AUTH/serialHex").asText()).isEqualTo(firstAuthSerial);
            JsonNode moved = auditState(app, afterMove);
            assertThat(moved.at("/certificates/SIGN/status").asText()).isEqualTo("REVOKED");
            assertThat(moved.at("/certificates/SIGN/revocationReason").asText()).isEqualTo("AFFILIATION_CHANGED");
            assertThat(moved.at("/certificates/AUTH/pinLocked").asBoolean()).isFalse();
            JsonNode beforeRenewal = auditState(app, jst("2031-06-01T10:00"));
            assertThat(beforeRenewal.at("/certificates/SIGN/status").asText()).isEqualTo("ACTIVE");
            assertThat(beforeRenewal.at("/certificates/SIGN/notAfter").asText()).isEqualTo("2034-11-14");
            JsonNode end = auditState(app, clock.instant());
            assertThat(end.at("/certificates/SIGN/status").asText()).isEqualTo("EXPIRED");
            assertThat(end.at("/certificates/AUTH/status").asText()).isEqualTo("REVOKED");
            assertThat(end.at("/certificates/AUTH/notAfter").asText()).isEqualTo("2039-11-14");
        }
    }

    private static JsonNode auditState(StandaloneApp app, java.time.Instant at) {
        HttpResponse<String> state = app.send(app.request(StandaloneApp.AUDITOR, VIEW.replace("/api/", "/api/audit/") + "/state?at=" + at)
                .header("X-Audit-Reason", "lifecycle end-to-end check").GET().build());
        assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
        return StandaloneApp.json(state.body());
    }

    private static String issue(String... kinds) {
        return """
                {"pairId":"%s",
                 "holder":{"residentRef":"R-LIFE-1","municipalityCode":"131121","name":"Test Hanako",
                           "address":"Setagaya 2-2","dateOfBirth":"1985-11-14","sex":"FEMALE","adultWard":false},
                 "card":{"cardId":"CARD-LIFE-1","applicationReceivedOn":"2029-11-10","issuedOn":"2029-12-01"},
                 "kinds":[%s],"applicant":"RESIDENT","documents":["A"],%s}
                """.formatted(PAIR, quoted(kinds), TERMINAL);
    }

    private static String renew(String... kinds) {
        return "{\"kinds\":[" + quoted(kinds) + "],\"applicant\":\"RESIDENT\",\"documents\":[\"A\"]," + TERMINAL + "}";
    }

    private static String quoted(String... values) {
        return String.join(",", java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toList());
    }

    private static JsonNode awaitStatus(StandaloneApp app, String kind, String status) {
        return app.await(CLERK, VIEW, p -> p.at("/certificates/" + kind + "/status").asText().equals(status), kind + " " + status);
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    private static java.time.Instant jst(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + (localDateTime.length() == 16 ? ":00" : "") + "+09:00").toInstant();
    }
}
