package jp.jpki.lifecycle.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff access in production shape: access tokens of an identity provider (here: signed by a key the test
 * holds), roles and municipality from their claims, jurisdiction enforced on commands and lookups, operator
 * and office on every event taken from the token and never from the body.
 */
class StaffAccessTest {

    private static final String SETAGAYA = "131121";
    private static final String OSAKA = "271004";
    private static final String PAIR = "access-pair-0001";
    private static final String ISSUER = "https://idp.test.example/realms/jpki";

    @TempDir
    static Path dataDir;
    private static KeyPair signingKey;
    private static StandaloneApp app;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        signingKey = generator.generateKeyPair();
        Path publicKey = dataDir.resolve("idp-public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(signingKey.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        app = StandaloneApp.start(dataDir, "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.audiences=jpki-lifecycle");
        HttpResponse<String> issued = send("POST", "/api/certificate-pairs", token("tanaka", "setagaya-main", SETAGAYA, "CLERK"), """
                {"pairId":"%s",
                 "holder":{"residentRef":"R-ACCESS-1","municipalityCode":"%s","name":"Test Jiro","address":"Setagaya 3-3",
                           "dateOfBirth":"1990-05-05","sex":"MALE","adultWard":false},
                 "card":{"cardId":"CARD-ACCESS-1","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                 "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","documents":["A"],"terminalId":"embedded-terminal",
                 "operatorId":"someone-else","officeId":"forged-office"}
                """.formatted(PAIR, SETAGAYA));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void operator_and_office_on_events_come_from_the_token_not_from_the_body() {
        List<? extends DomainEventMessage<?>> events = app.bean(EventStore.class).readEvents(PAIR).asStream().toList();
        assertThat(events).isNotEmpty();
        DomainEventMessage<?> requested = events.get(0);
        assertThat(requested.getMetaData()).containsEntry(MetadataKeys.OPERATOR, "tanaka")
                .containsEntry(MetadataKeys.OFFICE, "setagaya-main").containsEntry(MetadataKeys.MUNICIPALITY, SETAGAYA);
    }

    @Test
    void a_clerk_of_another_municipality_neither_sees_nor_changes_the_pair() {
        String osakaClerk = token("suzuki", "osaka-kita", OSAKA, "CLERK");
        assertProblem(send("GET", "/api/certificate-pairs/" + PAIR, osakaClerk, null), 404);
        assertThat(send("GET", "/api/certificate-pairs?residentRef=R-ACCESS-1", osakaClerk, null).body()).isEqualTo("[]");
        // a pair elsewhere answers like a missing one, for commands as for lookups: its existence does not leak
        HttpResponse<String> pinLock = send("POST", "/api/certificate-pairs/" + PAIR + "/pin-locks", osakaClerk, "{\"kind\":\"AUTH\"}");
        assertProblem(pinLock, 404);
        assertThat(pinLock.body()).isEqualTo(send("POST", "/api/certificate-pairs/access-pair-9999/pin-locks", osakaClerk,
                "{\"kind\":\"AUTH\"}").body().replace("access-pair-9999", PAIR));
        assertProblem(send("POST", "/api/certificate-pairs", osakaClerk, """
                {"holder":{"residentRef":"R-ACCESS-2","municipalityCode":"%s","name":"Test Saburo","address":"Setagaya 4-4",
                           "dateOfBirth":"1990-05-05","sex":"MALE","adultWard":false},
                 "card":{"cardId":"CARD-ACCESS-2","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                 "kinds":["AUTH"],"applicant":"RESIDENT","documents":["A"],"terminalId":"embedded-terminal"}
                """.formatted(SETAGAYA)), 403);
    }

    @Test
    void the_own_municipality_sees_the_pair() {
        HttpResponse<String> lookup = send("GET", "/api/certificate-pairs/" + PAIR, token("sato", "setagaya-branch", SETAGAYA, "CLERK"), null);
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(lookup.body()).contains(PAIR);
    }

    @Test
    void roles_decide_what_a_caller_reaches() {
        String statistics = token("kato", "setagaya-main", SETAGAYA, "STATISTICS");
        assertProblem(send("GET", "/api/certificate-pairs/" + PAIR, statistics, null), 403);
        assertProblem(send("POST", "/api/certificate-pairs/" + PAIR + "/pin-locks", statistics, "{\"kind\":\"AUTH\"}"), 403);
        String auditor = token("ito", "setagaya-main", SETAGAYA, "AUDITOR");
        assertProblem(send("POST", "/api/certificate-pairs/" + PAIR + "/pin-locks", auditor, "{\"kind\":\"AUTH\"}"), 403);
        assertProblem(send("GET", "/api/certificate-pairs/" + PAIR, null, null), 401);
        assertProblem(send("GET", "/api/certificate-pairs/" + PAIR, "not-a-token", null), 401);
        HttpResponse<String> health = send("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).as("health stays public: " + health.body()).isEqualTo(200);
    }

    @Test
    void a_token_signed_by_someone_else_is_refused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = sign(generator.generateKeyPair(), "tanaka", "setagaya-main", SETAGAYA, "SUPERVISOR");
        assertProblem(send("GET", "/api/certificate-pairs/" + PAIR, forged, null), 401);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    private static HttpResponse<String> send(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return app.send(request.build());
    }

    private static String token(String user, String office, String municipality, String role) {
        return sign(signingKey, user, office, municipality, role);
    }

    private static String sign(KeyPair key, String user, String office, String municipality, String role) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("sub-" + user).issuer(ISSUER).audience("jpki-lifecycle")
                .claim("preferred_username", user)
                .claim("roles", List.of(role)).claim("office", office).claim("municipality", municipality)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
