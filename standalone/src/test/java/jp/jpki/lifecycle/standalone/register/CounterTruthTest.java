package jp.jpki.lifecycle.standalone.register;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static jp.jpki.lifecycle.standalone.StandaloneApp.STATISTICS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The register's truths through the real path: HTTP, the aggregate, the claims table in H2 and the card at the
 * embedded terminal. Two offices of one municipality serve residents, so per-office statistics can be checked.
 */
class CounterTruthTest {

    private static final int CLIENTS = 16;
    private static final String NORTH_CLERK = "northclerk";
    private static final String SHIBUYA_CLERK = "shibuyaclerk";

    @TempDir
    static Path dataDir;
    private static StandaloneApp app;

    @BeforeAll
    static void start() {
        String northHash = new BCryptPasswordEncoder(10).encode(NORTH_CLERK + "-demo");
        app = StandaloneApp.start(dataDir,
                "--jpki.security.users[0].username=clerk",
                "--jpki.security.users[0].password-hash=" + new BCryptPasswordEncoder(10).encode("clerk-demo"),
                "--jpki.security.users[0].roles=CLERK",
                "--jpki.security.users[0].office-id=setagaya-main",
                "--jpki.security.users[0].municipality-code=131121",
                "--jpki.security.users[1].username=" + NORTH_CLERK,
                "--jpki.security.users[1].password-hash=" + northHash,
                "--jpki.security.users[1].roles=CLERK",
                "--jpki.security.users[1].office-id=setagaya-north",
                "--jpki.security.users[1].municipality-code=131121",
                "--jpki.security.users[2].username=statistics",
                "--jpki.security.users[2].password-hash=" + new BCryptPasswordEncoder(10).encode("statistics-demo"),
                "--jpki.security.users[2].roles=STATISTICS",
                "--jpki.security.users[2].office-id=setagaya-main",
                "--jpki.security.users[2].municipality-code=131121",
                "--jpki.security.users[3].username=" + SHIBUYA_CLERK,
                "--jpki.security.users[3].password-hash=" + new BCryptPasswordEncoder(10).encode(SHIBUYA_CLERK + "-demo"),
                "--jpki.security.users[3].roles=CLERK",
                "--jpki.security.users[3].office-id=shibuya-main",
                "--jpki.security.users[3].municipality-code=131130");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @DisplayName("R-ONE-1 + R-ONE-2: 16 clients racing to issue pairs for one card and one resident: one live pair, 15 clear refusals")
    void raceForOneCard() throws Exception {
        race("race-card", i -> issuance("race-card-pair-" + i, "R-RACE-1", "CARD-RACE-1"));
    }

    @Test
    @DisplayName("R-ONE-2: 16 clients racing to issue pairs for one resident on 16 cards: one live pair, 15 clear refusals")
    void raceForOneResident() throws Exception {
        race("race-resident", i -> issuance("race-resident-pair-" + i, "R-RACE-2", "CARD-RACE-2-" + i));
    }

    @Test
    @DisplayName("R-ONE-3: a new card moves the pair; the old card's certificates are revoked; its id finds the pair and each serial shows its own status")
    void newCardMovesThePair() {
        app.issueAndAwait("move-pair");
        JsonNode before = StandaloneApp.json(app.get(CLERK, "/api/certificate-pairs/move-pair").body());
        String oldAuth = before.at("/certificates/AUTH/serialHex").asText();
        HttpResponse<String> moved = app.post(CLERK, "/api/certificate-pairs/move-pair/issuances",
                issuance("move-pair", "R-move-pair", "CARD-move-pair-2"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(202);
        JsonNode after = app.await(CLERK, "/api/certificate-pairs/move-pair",
                p -> p.at("/cardId").asText().equals("CARD-move-pair-2")
                        && p.at("/certificates/AUTH/status").asText().equals("ACTIVE")
                        && !p.at("/certificates/AUTH/serialHex").asText().equals(oldAuth), "moved to the new card");
        assertThat(after.at("/certificates/SIGN/status").asText()).isEqualTo("ACTIVE");
        assertThat(app.bean(EventStore.class).readEvents("move-pair").asStream()
                .map(e -> e.getPayload()).filter(CertificateRevoked.class::isInstance).map(CertificateRevoked.class::cast)
                .filter(r -> r.serialHex().equals(oldAuth)).map(CertificateRevoked::reason).toList())
                .as("the old card's AUTH is revoked as superseded").containsExactly(RevocationReason.SUPERSEDED);

        JsonNode byOldCard = StandaloneApp.json(app.get(CLERK, "/api/certificate-pairs?cardId=CARD-move-pair").body());
        assertThat(byOldCard.findValuesAsText("pairId")).as("the old card id finds the pair").containsExactly("move-pair");
        JsonNode oldSerial = app.await(CLERK, "/api/certificate-pairs/serials/" + oldAuth,
                s -> s.at("/certificate/status").asText().equals("REVOKED"), "the old AUTH serial revoked");
        assertThat(oldSerial.at("/certificate/revocationReason").asText()).isEqualTo("SUPERSEDED");
        assertThat(oldSerial.at("/current").asBoolean()).isFalse();
        assertThat(oldSerial.at("/pairId").asText()).isEqualTo("move-pair");
        JsonNode newSerial = StandaloneApp.json(app.get(CLERK, "/api/certificate-pairs/serials/"
                + after.at("/certificates/AUTH/serialHex").asText()).body());
        assertThat(newSerial.at("/certificate/status").asText()).isEqualTo("ACTIVE");
        assertThat(newSerial.at("/current").asBoolean()).isTrue();

        HttpResponse<String> oldCardAgain = app.post(CLERK, "/api/certificate-pairs/move-pair/issuances",
                issuance("move-pair", "R-move-pair", "CARD-move-pair"));
        assertThat(oldCardAgain.statusCode()).as(oldCardAgain.body()).isEqualTo(422);
        assertThat(oldCardAgain.body()).contains("R-REV-3");
        HttpResponse<String> otherPairOnOldCard = app.post(CLERK, "/api/certificate-pairs",
                issuance("move-pair-thief", "R-someone-else", "CARD-move-pair"));
        assertThat(otherPairOnOldCard.statusCode()).isEqualTo(422);
        assertThat(StandaloneApp.json(otherPairOnOldCard.body()).at("/existingPairId").asText()).isEqualTo("move-pair");
    }

    @Test
    @DisplayName("R-END-1: after the resident record is removed, the card gets no new certificate and no PIN work")
    void removalIsTerminal() {
        app.issueAndAwait("dead-pair");
        HttpResponse<String> removed = app.post(CLERK, "/api/certificate-pairs/dead-pair/revocations",
                "{\"kinds\":[\"SIGN\",\"AUTH\"],\"cause\":\"RESIDENT_RECORD_REMOVED\"}");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        HttpResponse<String> auth = app.post(CLERK, "/api/certificate-pairs/dead-pair/issuances",
                issuance("dead-pair", "R-dead-pair", "CARD-dead-pair").replace("[\"SIGN\",\"AUTH\"]", "[\"AUTH\"]"));
        assertThat(auth.statusCode()).as(auth.body()).isEqualTo(422);
        assertThat(StandaloneApp.json(auth.body()).at("/ruleId").asText()).isEqualTo("R-END-1");
        HttpResponse<String> pin = app.post(CLERK, "/api/certificate-pairs/dead-pair/pin-resets",
                "{\"kind\":\"AUTH\",\"applicant\":\"RESIDENT\",\"documents\":[\"A\"],\"terminalId\":\"embedded-terminal\"}");
        assertThat(pin.statusCode()).isEqualTo(422);
        assertThat(pin.body()).contains("R-END-1");
        HttpResponse<String> another = app.post(CLERK, "/api/certificate-pairs",
                issuance("dead-pair-2", "R-dead-pair", "CARD-dead-pair-new"));
        assertThat(another.statusCode()).as("the resident keeps the closed pair").isEqualTo(422);
        assertThat(another.body()).contains("R-ONE-2", "dead-pair");
    }

    @Test
    @DisplayName("R-STA-1: issuances, renewals' and PIN resets' statistics count under the office that served the resident")
    void statisticsByOffice() {
        for (int i = 0; i < 3; i++) {
            issueAs(CLERK, "stats-main-" + i);
        }
        // This app's one terminal stands in setagaya-main (R-TRM-1): the north office does the work without a card.
        assertThat(app.post(NORTH_CLERK, "/api/certificate-pairs/stats-main-0/pin-locks", "{\"kind\":\"AUTH\"}").statusCode())
                .isEqualTo(200);
        assertThat(app.post(NORTH_CLERK, "/api/certificate-pairs/stats-main-1/revocations",
                "{\"kinds\":[\"SIGN\"],\"cause\":\"HOLDER_REQUEST\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> reset = app.post(CLERK, "/api/certificate-pairs/stats-main-0/pin-resets",
                "{\"kind\":\"AUTH\",\"applicant\":\"RESIDENT\",\"documents\":[\"A\"],\"terminalId\":\"embedded-terminal\"}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(202);
        app.await(CLERK, "/api/certificate-pairs/stats-main-0", p -> !p.at("/certificates/AUTH/pinLocked").asBoolean(), "reset");

        String query = "/api/statistics?from=2000-01-01&to=2100-01-01&groupBy=office,operation";
        JsonNode rows = app.await(STATISTICS, query, r -> count(r, "setagaya-main", "PIN_RESET") == 1
                && count(r, "setagaya-main", "ISSUED") >= 3 * 2
                && count(r, "setagaya-north", "REVOKED") == 1, "statistics caught up");
        assertThat(count(rows, "-", "ISSUED")).as("no issuance counted for no office").isZero();
        assertThat(count(rows, "-", "PIN_RESET")).as("no PIN reset counted for no office").isZero();
        assertThat(count(rows, "setagaya-north", "PIN_LOCKED")).isEqualTo(1);
        assertThat(count(rows, "setagaya-north", "ISSUED")).isZero();
    }

    @Test
    @DisplayName("R-MOV-1..3: a move-out revokes SIGN; the destination's move-in takes the pair over, and SIGN is issued there")
    void moveBetweenMunicipalities() {
        app.issueAndAwait("moving-pair");
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        String path = "/api/certificate-pairs/moving-pair";
        HttpResponse<String> out = app.post(CLERK, path + "/move-outs",
                "{\"toMunicipalityCode\":\"131130\",\"plannedMoveOn\":\"" + today + "\"}");
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        app.await(CLERK, path, p -> p.at("/certificates/SIGN/status").asText().equals("REVOKED"), "SIGN revoked");
        assertThat(app.get(SHIBUYA_CLERK, path).statusCode()).as("not Shibuya's before the move-in").isEqualTo(404);

        String shibuyaHolder = """
                {"residentRef":"S-moving","municipalityCode":"131130","name":"Test Resident","address":"Shibuya 2-2",
                 "dateOfBirth":"1980-04-04","sex":"FEMALE","adultWard":false}""";
        HttpResponse<String> in = app.post(SHIBUYA_CLERK, path + "/move-ins",
                "{\"movedInOn\":\"" + today + "\",\"cardContinued\":true,\"holder\":" + shibuyaHolder + "}");
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        JsonNode there = app.await(SHIBUYA_CLERK, path, p -> p.at("/municipalityCode").asText().equals("131130"), "handed over");
        assertThat(there.at("/certificates/AUTH/status").asText()).as("AUTH continues with the card").isEqualTo("ACTIVE");
        assertThat(app.get(CLERK, path).statusCode()).as("no longer Setagaya's").isEqualTo(404);

        // SIGN re-issued there: CertificatePairMoveTest (this app's one terminal stands in a Setagaya office, R-TRM-1)
    }

    @Test
    @DisplayName("R-REV-7 + R-ELG-5: a counter cannot declare a CA key compromise for one pair, nor issue on a 住基カード")
    void counterLimits() {
        app.issueAndAwait("limits-pair");
        HttpResponse<String> ca = app.post(CLERK, "/api/certificate-pairs/limits-pair/revocations",
                "{\"kinds\":[\"AUTH\"],\"cause\":\"CA_KEY_COMPROMISE\"}");
        assertThat(ca.statusCode()).as(ca.body()).isEqualTo(422);
        assertThat(StandaloneApp.json(ca.body()).at("/ruleId").asText()).isEqualTo("R-REV-7");
        HttpResponse<String> juki = app.post(CLERK, "/api/certificate-pairs", issuance("juki-pair-1", "R-juki", "JUKI-0001")
                .replace("\"issuedOn\":\"2024-02-01\"", "\"issuedOn\":\"2024-02-01\",\"generation\":\"RESIDENT_REGISTER_CARD\""));
        assertThat(juki.statusCode()).as(juki.body()).isEqualTo(422);
        assertThat(StandaloneApp.json(juki.body()).at("/ruleId").asText()).isEqualTo("R-ELG-5");
    }

    private static void issueAs(String user, String pairId) {
        HttpResponse<String> issued = app.post(user, "/api/certificate-pairs", issuance(pairId, "R-" + pairId, "CARD-" + pairId));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);
        app.await(CLERK, "/api/certificate-pairs/" + pairId, p -> p.at("/certificates/AUTH/status").asText().equals("ACTIVE")
                && p.at("/certificates/SIGN/status").asText().equals("ACTIVE"), "issued");
    }

    private static long count(JsonNode rows, String office, String operation) {
        long total = 0;
        for (JsonNode row : rows) {
            if (row.path("officeId").asText().equals(office) && row.path("operation").asText().equals(operation)) {
                total += row.path("count").asLong();
            }
        }
        return total;
    }

    private static void race(String name, IntFunction<String> body) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String json = body.apply(i);
                Callable<HttpResponse<String>> call = () -> {
                    go.await();
                    return app.post(CLERK, "/api/certificate-pairs", json);
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<HttpResponse<String>> won = answers.stream().filter(a -> a.statusCode() == 202).toList();
        assertThat(won).as(name + ": exactly one issuance accepted").hasSize(1);
        String winner = StandaloneApp.json(won.get(0).body()).at("/pairId").asText();
        for (HttpResponse<String> lost : answers.stream().filter(a -> a.statusCode() != 202).toList()) {
            assertThat(lost.statusCode()).as(lost.body()).isIn(409, 422);
            assertThat(lost.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            JsonNode problem = StandaloneApp.json(lost.body());
            assertThat(problem.at("/detail").asText()).as("a clear refusal").containsAnyOf("R-ONE", "pair");
            if (lost.statusCode() == 422) {
                assertThat(problem.at("/existingPairId").asText()).as("the refusal names the live pair").isEqualTo(winner);
            }
        }
        app.await(CLERK, "/api/certificate-pairs/" + winner, p -> p.at("/certificates/AUTH/status").asText().equals("ACTIVE")
                && p.at("/certificates/SIGN/status").asText().equals("ACTIVE"), "the winner issued");
        EventStore events = app.bean(EventStore.class);
        for (int i = 0; i < CLIENTS; i++) {
            String pairId = StandaloneApp.json(body.apply(i)).at("/pairId").asText();
            boolean requested = events.readEvents(pairId).asStream().anyMatch(e -> e.getPayload() instanceof IssuanceRequested);
            assertThat(requested).as(pairId + " has an issuance only if it won").isEqualTo(pairId.equals(winner));
        }
    }

    private static String issuance(String pairId, String residentRef, String cardId) {
        return """
                {"pairId":"%s",
                 "holder":{"residentRef":"%s","municipalityCode":"131121","name":"Test Resident","address":"Setagaya 1-1-1",
                           "dateOfBirth":"1980-04-04","sex":"FEMALE","adultWard":false},
                 "card":{"cardId":"%s","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                 "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","terminalId":"embedded-terminal"}
                """.formatted(pairId, residentRef, cardId);
    }
}
