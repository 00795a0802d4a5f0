package jp.jpki.lifecycle.edge;

import static jp.jpki.lifecycle.edge.FrontDoorTestApp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The front door of a service in the demo profile (HTTP Basic demo accounts), as a browser or an attacker meets
 * it: lockout, cross-site requests, security headers, refusals as problems with a correlation id, no internals.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoFrontDoorTest {

    private static final String CLERK = basic("clerk", "clerk-test");
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2027-01-10T01:00:00Z"));
    private static FrontDoorTestApp app;

    @Configuration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void start() {
        String[] demo = FrontDoorTestApp.demoUsers();
        String[] arguments = java.util.stream.Stream.concat(java.util.Arrays.stream(demo),
                java.util.stream.Stream.of("--server.forward-headers-strategy=framework")).toArray(String[]::new);
        app = FrontDoorTestApp.start(List.of(TestClock.class), arguments);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @DisplayName("R-SEC-LOCKOUT: 20 wrong passwords in a row are all refused, and lock the account even for the right one")
    void twenty_wrong_passwords_lock_the_account(CapturedOutput output) {
        for (int attempt = 1; attempt <= 20; attempt++) {
            HttpResponse<String> guess = app.send(app.request("/api/things/1")
                    .header("Authorization", basic("statistics", "guess-" + attempt)));
            assertThat(guess.statusCode()).as("guess %d", attempt).isEqualTo(401);
        }
        HttpResponse<String> right = app.send(app.request("/api/things/1").header("Authorization", basic("statistics", "clerk-test")));
        assertThat(right.statusCode()).as("the right password during the lock").isEqualTo(401);
        assertThat(output.getOut()).contains("wrong password for account 'statistics' (5 in a row)")
                .contains("account 'statistics' is locked").doesNotContain("guess-1").doesNotContain("clerk-test");

        CLOCK.advance(Duration.ofMinutes(16));
        HttpResponse<String> afterTheLock = app.send(app.request("/api/things/1").header("Authorization", basic("statistics", "clerk-test")));
        assertThat(afterTheLock.statusCode()).as("authenticated again, but a statistics user is no clerk").isEqualTo(403);
    }

    @Test
    @DisplayName("R-SEC-CSRF-1: a cross-site form POST is refused, even with credentials the browser remembers")
    void a_cross_site_form_post_is_refused() {
        HttpResponse<String> forged = app.send(app.request("/api/things").header("Authorization", CLERK)
                .header("Origin", "https://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertProblem(forged, 403);
        HttpResponse<String> marked = app.send(app.request("/api/things").header("Authorization", CLERK)
                .header("Sec-Fetch-Site", "cross-site").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertProblem(marked, 403);
        HttpResponse<String> oldForm = app.send(app.request("/api/things").header("Authorization", CLERK)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertProblem(oldForm, 403);
    }

    @Test
    @DisplayName("R-SEC-CSRF-2: a body-less POST from another site or as a form is refused; curl's body-less POST is not")
    void a_body_less_post_is_refused_from_a_browser_elsewhere() {
        assertProblem(app.send(app.request("/api/things/1/rebuild").header("Authorization", CLERK)
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody())), 403);
        assertProblem(app.send(app.request("/api/things/1/rebuild").header("Authorization", CLERK)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody())), 403);
        assertProblem(app.send(app.request("/api/things/1/rebuild").header("Authorization", CLERK)
                .header("Origin", "null").POST(HttpRequest.BodyPublishers.noBody())), 403);

        HttpResponse<String> curl = app.send(app.request("/api/things/1/rebuild").header("Authorization", CLERK)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(curl.statusCode()).isEqualTo(202);
        HttpResponse<String> ownPage = app.send(app.request("/api/things").header("Authorization", CLERK)
                .header("Origin", app.baseUrl).header("Sec-Fetch-Site", "same-origin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"madeOn\":\"2027-01-01\"}")));
        assertThat(ownPage.statusCode()).as(ownPage.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("R-SEC-HEADERS: CSP, nosniff, frame denial and no referrer on every answer; HSTS over HTTPS")
    void security_headers() {
        HttpResponse<String> answer = app.send(app.request("/api/things/1").header("Authorization", CLERK));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();

        HttpResponse<String> behindTls = app.send(app.request("/api/things/1").header("Authorization", CLERK)
                .header("X-Forwarded-Proto", "https"));
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
    }

    @Test
    @DisplayName("R-SEC-DENY: a URL no module declared a rule for is denied, to staff and to anonymous callers")
    void unlisted_urls_are_denied() {
        assertProblem(app.send(app.request("/api/unlisted").header("Authorization", CLERK)), 403);
        assertProblem(app.send(app.request("/api/unlisted")), 401);
        assertProblem(app.send(app.request("/api/things/1")), 401);
    }

    @Test
    @DisplayName("R-SEC-PROBLEM-1: a 400 names the field, never a Java type")
    void no_java_type_names_in_400_bodies() {
        HttpResponse<String> wrongType = app.send(app.request("/api/things").header("Authorization", CLERK)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"madeOn\":\"yesterday\"}")));
        assertProblem(wrongType, 400);
        assertThat(wrongType.body()).doesNotContain("java.").doesNotContain("jp.jpki").doesNotContain("LocalDate")
                .doesNotContain("com.fasterxml").doesNotContain("reference chain");
    }

    @Test
    @DisplayName("R-SEC-PROBLEM-2: GET /error is a 404 problem, not a 500")
    void error_page_asked_for_directly() {
        assertProblem(app.send(app.request("/error")), 404);
        assertProblem(app.send(app.request("/error").header("Authorization", CLERK)), 404);
    }

    @Test
    @DisplayName("R-SEC-LOG: every refusal is logged with the request's correlation id, which the answer carries")
    void refusals_are_logged_with_a_correlation_id(CapturedOutput output) {
        HttpResponse<String> refused = app.send(app.request("/api/things/1?residentRef=R-SECRET-9")
                .header("Authorization", basic("clerk", "wrong-password-1")));
        assertProblem(refused, 401);
        String id = refused.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(output.getOut()).contains("refused 401 GET /api/things/1").contains("[correlation id " + id + "]")
                .doesNotContain("R-SECRET-9").doesNotContain("wrong-password-1");

        HttpResponse<String> given = app.send(app.request("/api/unlisted").header("Authorization", CLERK)
                .header("X-Correlation-Id", "counter-7-request-42"));
        assertThat(given.headers().firstValue("X-Correlation-Id")).hasValue("counter-7-request-42");
        assertThat(output.getOut()).contains("refused 403 GET /api/unlisted: role or workplace does not allow this [correlation id counter-7-request-42]");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    }
}
