package jp.jpki.lifecycle.command.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static RequestFingerprint post(String path, String body) {
        return RequestFingerprint.of("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("R-IDEM-2: a body differing only in white space or member order is the same request")
    void canonicalBody() {
        assertThat(post("/a", "{\"kind\":\"AUTH\",\"cause\":{\"x\":1,\"y\":2}}").sha256())
                .isEqualTo(post("/a", " {\n \"cause\" : {\"y\":2, \"x\":1}, \"kind\": \"AUTH\" } ").sha256());
    }

    @Test
    @DisplayName("R-IDEM-2: another body, path or method is another request")
    void anythingElseDiffers() {
        RequestFingerprint base = post("/a", "{\"kind\":\"AUTH\"}");
        assertThat(post("/a", "{\"kind\":\"SIGN\"}").sha256()).isNotEqualTo(base.sha256());
        assertThat(post("/b", "{\"kind\":\"AUTH\"}").sha256()).isNotEqualTo(base.sha256());
        assertThat(RequestFingerprint.of("PUT", "/a", "{\"kind\":\"AUTH\"}".getBytes(StandardCharsets.UTF_8)).sha256())
                .isNotEqualTo(base.sha256());
        assertThat(post("/a", "[\"AUTH\",\"SIGN\"]").sha256()).isNotEqualTo(post("/a", "[\"SIGN\",\"AUTH\"]").sha256());
        assertThat(post("/a", "").sha256()).isNotEqualTo(post("/a", "{}").sha256());
    }

    @Test
    @DisplayName("R-IDEM-2: the parts cannot run into each other")
    void partsSeparated() {
        assertThat(post("/ab", "").sha256()).isNotEqualTo(RequestFingerprint.of("POST", "/a", "b".getBytes(StandardCharsets.UTF_8)).sha256());
    }
}
