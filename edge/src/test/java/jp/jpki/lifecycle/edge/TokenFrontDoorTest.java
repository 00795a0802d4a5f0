package jp.jpki.lifecycle.edge;

import static jp.jpki.lifecycle.edge.FrontDoorTestApp.IdentityProvider.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.edge.FrontDoorTestApp.IdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production authentication: access tokens of the identity provider, checked for key, issuer and audience. */
class TokenFrontDoorTest {

    @TempDir
    static Path directory;
    private static IdentityProvider idp;
    private static FrontDoorTestApp app;

    @BeforeAll
    static void start() throws Exception {
        idp = IdentityProvider.create(directory);
        app = FrontDoorTestApp.start(List.of(), idp.settings());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @DisplayName("R-SEC-OIDC-1: a token of the issuer, for this audience, naming role, office and municipality gets in")
    void a_complete_token_gets_in() {
        assertThat(call(idp.token(staff("tanaka", "CLERK", "setagaya-main", "131121"))).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-SEC-OIDC-2: a token for another audience is refused")
    void wrong_audience_is_refused() {
        Map<String, Object> claims = staff("tanaka", "CLERK", "setagaya-main", "131121");
        claims.put("aud", List.of("some-other-application"));
        assertThat(call(idp.token(claims)).statusCode()).isEqualTo(401);
        claims.remove("aud");
        assertThat(call(idp.token(claims)).statusCode()).as("no audience at all").isEqualTo(401);
    }

    @Test
    @DisplayName("R-SEC-OIDC-3: a token of another issuer is refused, even signed with the right key")
    void wrong_issuer_is_refused() {
        Map<String, Object> claims = staff("tanaka", "CLERK", "setagaya-main", "131121");
        claims.put("iss", "https://elsewhere.example/realms/jpki");
        assertThat(call(idp.token(claims)).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("R-SEC-OIDC-4: a token signed by someone else is refused")
    void foreign_signature_is_refused() throws Exception {
        String forged = IdentityProvider.sign(IdentityProvider.rsa(), staff("tanaka", "CLERK", "setagaya-main", "131121"));
        assertThat(call(forged).statusCode()).isEqualTo(401);
        assertThat(call("not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("R-SEC-OIDC-5: a token without the municipality or office claim gets nothing (fail closed)")
    void a_token_without_municipality_or_office_gets_nothing() {
        HttpResponse<String> noMunicipality = call(idp.token(staff("tanaka", "CLERK", "setagaya-main", null)));
        assertThat(noMunicipality.statusCode()).as(noMunicipality.body()).isEqualTo(403);
        assertThat(call(idp.token(staff("tanaka", "CLERK", null, "131121"))).statusCode()).isEqualTo(403);
        assertThat(call(idp.token(staff("tanaka", "CLERK", "setagaya-main", " "))).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("R-SEC-OIDC-6: with OIDC and no demo profile there are no password logins")
    void no_basic_outside_demo() {
        HttpResponse<String> basic = app.send(app.request("/api/things/1").header("Authorization", FrontDoorTestApp.basic("user", "password")));
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    }

    private static HttpResponse<String> call(String token) {
        return app.send(app.request("/api/things/1").header("Authorization", "Bearer " + token));
    }
}
