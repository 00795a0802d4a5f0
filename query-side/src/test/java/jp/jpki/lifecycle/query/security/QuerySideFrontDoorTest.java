package jp.jpki.lifecycle.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jp.jpki.lifecycle.api.query.FindPair;
import jp.jpki.lifecycle.api.query.PairView;
import jp.jpki.lifecycle.api.time.JapanTime;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The query side on its own with a production-shaped configuration (OIDC with issuer and audience, no demo
 * profile): the critical finding that it answered everyone is closed here, not only through the launcher.
 */
@SpringBootTest(classes = QuerySideFrontDoorTest.Launcher.class, properties = {
        "axon.axonserver.enabled=false", "axon.serializer.general=jackson", "axon.serializer.events=jackson",
        "axon.serializer.messages=jackson", "spring.data.mongodb.database=jpki-front-door",
        "jpki.audit.keystore=target/front-door-test/audit-signing.p12", "jpki.audit.keystore-password=query-side-front-door-test",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + QuerySideFrontDoorTest.ISSUER,
        "spring.security.oauth2.resourceserver.jwt.audiences=jpki-lifecycle",
        "management.endpoints.web.exposure.include=health,info,prometheus,metrics"})
@AutoConfigureMockMvc
class QuerySideFrontDoorTest {

    static final String ISSUER = "https://idp.test.example/realms/jpki";
    private static final InMemoryMongo MONGO = new InMemoryMongo();
    private static final KeyPair IDP = rsa();
    private static final Path IDP_KEY = publicKeyFile();
    private static final String PAIR = "pair-front-door-1";
    private static final String SETAGAYA = "131121";
    private static final String OSAKA = "271004";

    @Autowired
    MockMvc http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping controllers;
    @MockitoBean
    QueryGateway queries;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.data.mongodb.uri", MONGO::connectionString);
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + IDP_KEY);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    @DisplayName("R-SEC-QUERY-1: an anonymous call to every query-side endpoint answers 401, except CA certificates, CRL and OCSP")
    void anonymous_calls_to_every_endpoint_are_refused() throws Exception {
        List<String> checked = new ArrayList<>();
        for (var mapping : controllers.getHandlerMethods().keySet()) {
            List<String> methods = mapping.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                    : mapping.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
            for (String pattern : mapping.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/pki/") || pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")
                        || pattern.equals("/error")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x0000001");
                for (String method : methods) {
                    MockHttpServletResponse answer = http.perform(request(HttpMethod.valueOf(method), path))
                            .andReturn().getResponse();
                    assertThat(answer.getStatus()).as("%s %s", method, path).isEqualTo(401);
                    assertThat(answer.getContentType()).as("%s %s", method, path).contains("application/problem+json");
                    checked.add(method + " " + pattern);
                }
            }
        }
        assertThat(checked).as("the endpoints found").contains("GET /api/certificate-pairs/{pairId}", "GET /api/certificate-pairs",
                "GET /api/statistics", "GET /api/statistics/expiry-notices", "GET /api/audit/certificate-pairs/{pairId}/history",
                "GET /api/audit/certificate-pairs/{pairId}/export", "GET /api/audit/reads", "GET /api/admin/projections",
                "POST /api/admin/projections/{name}/rebuild");
        for (String path : List.of("/dashboard", "/dashboard/index.html", "/dashboard/dashboard.js", "/actuator/prometheus",
                "/actuator/metrics", "/api/anything-else")) {
            assertThat(http.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(401);
        }
        assertThat(http.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).as("public").isNotIn(401, 403);
        assertThat(reachesTheController(get("/pki/auth/crl"))).as("CRLs are public").isTrue();
    }

    @Test
    @DisplayName("R-SEC-QUERY-2: a pair of another municipality answers like a missing pair (404), to clerks and auditors")
    void another_municipality_answers_404() throws Exception {
        when(queries.query(any(FindPair.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(view(SETAGAYA))));

        assertThat(status(get("/api/certificate-pairs/" + PAIR), token("sato", "CLERK", "setagaya-main", SETAGAYA))).isEqualTo(200);
        assertThat(status(get("/api/certificate-pairs/" + PAIR), token("suzuki", "CLERK", "osaka-kita", OSAKA))).isEqualTo(404);
        assertThat(status(get("/api/audit/certificate-pairs/" + PAIR + "/history").header("X-Audit-Reason", "inspection"),
                token("ito", "AUDITOR", "osaka-kita", OSAKA))).isEqualTo(404);
    }

    @Test
    @DisplayName("R-SEC-QUERY-3: roles decide: a clerk reads no audit, no statistics and rebuilds nothing")
    void roles_decide() throws Exception {
        String clerk = token("sato", "CLERK", "setagaya-main", SETAGAYA);
        assertThat(status(get("/api/audit/reads"), clerk)).isEqualTo(403);
        assertThat(status(get("/api/statistics?from=2027-01-01&to=2027-01-31"), clerk)).isEqualTo(403);
        assertThat(status(request(HttpMethod.POST, "/api/admin/projections/statistics/rebuild"), clerk))
                .isEqualTo(403);
        assertThat(status(get("/actuator/prometheus"), clerk)).isEqualTo(403);
    }

    @Test
    @DisplayName("R-SEC-QUERY-4: a token without the municipality claim gets nothing on the query side")
    void token_without_municipality_gets_nothing() throws Exception {
        assertThat(status(get("/api/certificate-pairs/" + PAIR), token("sato", "CLERK", "setagaya-main", null))).isEqualTo(403);
        assertThat(status(get("/api/audit/reads"), token("ito", "AUDITOR", "setagaya-main", null))).isEqualTo(403);
    }

    /** A public URL passes the front door; here the query bus behind it is a bare mock and answers nothing. */
    private boolean reachesTheController(MockHttpServletRequestBuilder request) {
        try {
            int status = http.perform(request).andReturn().getResponse().getStatus();
            return status != 401 && status != 403;
        } catch (Exception failedBehindTheDoor) {
            return true;
        }
    }

    private int status(MockHttpServletRequestBuilder request, String token) throws Exception {
        return http.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus();
    }

    private static PairView view(String municipality) {
        return new PairView(PAIR, "R-000001", municipality, "CARD-0001", LocalDate.of(2034, 11, 14), Map.of(), List.of(), null);
    }

    private static String token(String user, String role, String office, String municipality) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("sub-" + user).issuer(ISSUER).audience("jpki-lifecycle")
                .claim("preferred_username", user).claim("roles", List.of(role))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
        if (office != null) {
            claims.claim("office", office);
        }
        if (municipality != null) {
            claims.claim("municipality", municipality);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(IDP.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("idp-public", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(IDP.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every query-side configuration, no module's own application class, no demo profile. Annotated as an
     * application so that other tests' scans leave it out; its own scan leaves out their launchers.
     */
    @SpringBootApplication
    @ComponentScan(basePackages = "jp.jpki.lifecycle.query", excludeFilters = {
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Test\\$Launcher")})
    static class Launcher {

        @Bean
        EventStore eventStore() {
            return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        }

        @Bean
        Clock clock() {
            return Clock.system(JapanTime.ZONE);
        }
    }
}
