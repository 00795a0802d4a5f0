package jp.jpki.lifecycle.edge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service behind the front door, started for a test on a random port: one module's worth of URLs with
 * its access rules, and an HTTP client. Also the test identity provider: an RSA key that signs access tokens.
 */
final class FrontDoorTestApp implements AutoCloseable {

    static final String ISSUER = "https://idp.test.example/realms/jpki";
    static final String AUDIENCE = "jpki-lifecycle";
    static final String SETAGAYA = "131121";
    /** BCrypt cost 10 of "clerk-test". */
    static final String CLERK_HASH = "$2a$10$A4PvUav//ZNP/c.RM5/sKO2q9pKozK9tG.Hq3y3FJ91p7c2k.ij3W";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    final String baseUrl;

    private FrontDoorTestApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static FrontDoorTestApp start(List<Class<?>> extraSources, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        all.addAll(List.of(arguments));
        SpringApplication application = new SpringApplication(Service.class);
        application.addPrimarySources(extraSources);
        return new FrontDoorTestApp(application.run(all.toArray(String[]::new)));
    }

    /** Demo accounts: a clerk of Setagaya, and a statistics user. */
    static String[] demoUsers() {
        return new String[] {"--spring.profiles.active=demo",
                "--jpki.security.users[0].username=clerk", "--jpki.security.users[0].password-hash=" + CLERK_HASH,
                "--jpki.security.users[0].roles[0]=CLERK", "--jpki.security.users[0].office-id=setagaya-main",
                "--jpki.security.users[0].municipality-code=" + SETAGAYA,
                "--jpki.security.users[1].username=statistics", "--jpki.security.users[1].password-hash=" + CLERK_HASH,
                "--jpki.security.users[1].roles[0]=STATISTICS", "--jpki.security.users[1].office-id=setagaya-main",
                "--jpki.security.users[1].municipality-code=" + SETAGAYA};
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        context.close();
    }

    /** An identity provider's signing key, its public half written where the service reads it. */
    record IdentityProvider(KeyPair key, Path publicKey) {

        static IdentityProvider create(Path directory) throws Exception {
            KeyPair key = rsa();
            Path publicKey = directory.resolve("idp-" + System.nanoTime() + ".pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            return new IdentityProvider(key, publicKey);
        }

        static KeyPair rsa() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        String[] settings() {
            return new String[] {"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                    "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE};
        }

        String token(Map<String, Object> claims) {
            return sign(key, claims);
        }

        static Map<String, Object> staff(String user, String role, String office, String municipality) {
            Map<String, Object> claims = new java.util.HashMap<>(Map.of("iss", ISSUER, "aud", List.of(AUDIENCE),
                    "preferred_username", user, "roles", List.of(role)));
            if (office != null) {
                claims.put("office", office);
            }
            if (municipality != null) {
                claims.put("municipality", municipality);
            }
            return claims;
        }

        static String sign(KeyPair key, Map<String, Object> claims) {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject("sub-" + claims.get("preferred_username"))
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
            try {
                jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Service {

        @Bean
        AccessRules thingRules() {
            return urls -> urls
                    .requestMatchers(HttpMethod.GET, "/api/things/**").access(StaffAccess.anyRole("CLERK"))
                    .requestMatchers(HttpMethod.POST, "/api/things", "/api/things/**").access(StaffAccess.anyRole("CLERK"));
        }

        @Bean
        ThingController thingController() {
            return new ThingController();
        }
    }

    record Thing(String name, LocalDate madeOn) {
    }

    @RestController
    static class ThingController {

        @GetMapping("/api/things/{id}")
        Map<String, String> thing(@PathVariable String id) {
            return Map.of("id", id);
        }

        @GetMapping("/api/unlisted")
        Map<String, String> unlisted() {
            return Map.of("secret", "nobody declared a rule for this");
        }

        @PostMapping("/api/things")
        ResponseEntity<Thing> create(@RequestBody Thing thing) {
            return ResponseEntity.status(HttpStatus.CREATED).body(thing);
        }

        @PostMapping("/api/things/{id}/rebuild")
        ResponseEntity<Void> rebuild(@PathVariable String id) {
            return ResponseEntity.accepted().build();
        }

        /** What a module's advice might carelessly do: pass the parser's message on. */
        @ExceptionHandler(HttpMessageNotReadableException.class)
        ProblemDetail unreadable(HttpMessageNotReadableException e) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMostSpecificCause().getMessage());
        }
    }
}
