package jp.jpki.lifecycle.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import jp.jpki.lifecycle.edge.FrontDoorTestApp.IdentityProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configurations a service refuses to start with. */
class StartGuardTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("R-SEC-DEMO-1: demo users outside the demo profile: the service does not start")
    void demo_users_outside_the_demo_profile() {
        String[] withoutProfile = Arrays.stream(FrontDoorTestApp.demoUsers())
                .filter(argument -> !argument.startsWith("--spring.profiles.active")).toArray(String[]::new);
        assertThatThrownBy(() -> FrontDoorTestApp.start(List.of(), withoutProfile))
                .hasStackTraceContaining("'demo' profile is not active");
    }

    @Test
    @DisplayName("R-SEC-DEMO-2: demo users next to OIDC outside the demo profile: the service does not start either")
    void demo_users_beside_oidc_outside_the_demo_profile() throws Exception {
        String[] arguments = Stream.concat(Arrays.stream(IdentityProvider.create(directory).settings()),
                Arrays.stream(FrontDoorTestApp.demoUsers()).filter(argument -> !argument.startsWith("--spring.profiles.active")))
                .toArray(String[]::new);
        assertThatThrownBy(() -> FrontDoorTestApp.start(List.of(), arguments)).hasStackTraceContaining("'demo' profile is not active");
    }

    @Test
    @DisplayName("R-SEC-DEMO-3: a demo password hash of BCrypt cost below 10 is refused at start")
    void weak_demo_hash() {
        String[] arguments = Arrays.stream(FrontDoorTestApp.demoUsers())
                .map(argument -> argument.replace(FrontDoorTestApp.CLERK_HASH, "$2a$04$.oJh7S9qzSbd2c4yR.0o3edVjKvM0C9zscFjbxASRcYRKNQYpUXCS"))
                .toArray(String[]::new);
        assertThatThrownBy(() -> FrontDoorTestApp.start(List.of(), arguments)).hasStackTraceContaining("cost 10 or more");
    }

    @Test
    @DisplayName("R-SEC-OIDC-7: a key source without issuer and audience is refused at start")
    void key_without_issuer_and_audience() {
        assertThatThrownBy(() -> FrontDoorTestApp.start(List.of(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://idp.test.example/certs"))
                .hasStackTraceContaining("issuer-uri and .audiences");
        assertThatThrownBy(() -> FrontDoorTestApp.start(List.of(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://idp.test.example/certs",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + FrontDoorTestApp.ISSUER))
                .hasStackTraceContaining("issuer-uri and .audiences");
    }

    @Test
    @DisplayName("R-SEC-DEMO-4: without OIDC and without the demo profile the service starts, but lets nobody in")
    void nothing_configured_lets_nobody_in() {
        try (FrontDoorTestApp app = FrontDoorTestApp.start(List.of())) {
            assertThat(app.send(app.request("/api/things/1")).statusCode()).isEqualTo(401);
            assertThat(app.send(app.request("/api/things/1").header("Authorization", FrontDoorTestApp.basic("user", "x")))
                    .statusCode()).isEqualTo(401);
            assertThat(app.send(app.request("/actuator/health")).statusCode()).isIn(200, 401, 403, 404);
        }
    }
}
