package jp.jpki.lifecycle.standalone.idempotency;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static jp.jpki.lifecycle.standalone.StandaloneApp.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotency keys against the running application: a key names one request of one caller; its retry gets the first
 * answer (also after a restart), anything else under it is refused and not carried out. Also the bounds on keys,
 * proxy application ids and terminals (the Low findings of the security review).
 */
class IdempotencyTest {

    private static final String REVOKE_AUTH = "{\"kinds\":[\"AUTH\"],\"cause\":\"HOLDER_REQUEST\"}";
    private static final String REVOKE_SIGN = "{\"kinds\":[\"SIGN\"],\"cause\":\"HOLDER_REQUEST\"}";

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("R-IDEM-1, R-IDEM-2, R-TRM-1: keys are honest and bounded, and survive a restart")
    void keysAreHonestBoundedAndDurable() {
        String issuedRequestId;
        try (StandaloneApp app = StandaloneApp.start(dataDir)) {
            app.issueAndAwait("idem-pair-0001");
            String path = "/api/certificate-pairs/idem-pair-0001/revocations";

            // the review's finding: a SIGN revocation under the key of an AUTH revocation was answered 200 and never made
            HttpResponse<String> auth = post(app, CLERK, path, "revoke-1", REVOKE_AUTH);
            assertThat(auth.statusCode()).as(auth.body()).isEqualTo(200);
            HttpResponse<String> sign = post(app, CLERK, path, "revoke-1", REVOKE_SIGN);
            assertThat(sign.statusCode()).as(sign.body()).isEqualTo(422);
            assertThat(sign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(StandaloneApp.json(sign.body()).path("ruleId").asText()).isEqualTo("R-IDEM-2");
            assertThat(StandaloneApp.json(sign.body()).path("detail").asText()).contains(path, "another body");
            HttpResponse<String> otherPath = post(app, CLERK, "/api/certificate-pairs/idem-pair-0001/pin-locks", "revoke-1",
                    "{\"kind\":\"SIGN\"}");
            assertThat(otherPath.statusCode()).as(otherPath.body()).isEqualTo(422);

            // the same request again: the first answer, one revocation
            HttpResponse<String> again = post(app, CLERK, path, "revoke-1", " {\"cause\":\"HOLDER_REQUEST\", \"kinds\":[\"AUTH\"]} ");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(auth.body());
            assertThat(revocations(app, "idem-pair-0001")).as("carried out once").isEqualTo(1);
            JsonNode pair = app.await(CLERK, "/api/certificate-pairs/idem-pair-0001",
                    p -> p.at("/certificates/AUTH/status").asText().equals("REVOKED"), "AUTH revoked");
            assertThat(pair.at("/certificates/SIGN/status").asText()).as("the refused SIGN revocation made nothing").isEqualTo("ACTIVE");

            // another caller's same key is another request
            HttpResponse<String> supervisor = post(app, SUPERVISOR, path, "revoke-1", REVOKE_SIGN);
            assertThat(supervisor.statusCode()).as(supervisor.body()).isEqualTo(200);
            assertThat(revocations(app, "idem-pair-0001")).isEqualTo(2);

            // bounded keys
            HttpResponse<String> oversize = post(app, CLERK, path, "k".repeat(65), REVOKE_SIGN);
            assertThat(oversize.statusCode()).as(oversize.body()).isEqualTo(400);
            assertThat(oversize.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(StandaloneApp.json(oversize.body()).path("ruleId").asText()).isEqualTo("R-IDEM-1");
            HttpResponse<String> review = post(app, CLERK, path, "k".repeat(8192), REVOKE_SIGN);
            assertThat(review.statusCode()).as("the review's 8 KB key: " + review.body()).isEqualTo(400);
            assertThat(revocations(app, "idem-pair-0001")).as("no bad key carried anything out").isEqualTo(2);

            // an issuance to replay after the restart
            HttpResponse<String> issued = post(app, CLERK, "/api/certificate-pairs", "issue-2", StandaloneApp.issuance("idem-pair-0002"));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);
            issuedRequestId = StandaloneApp.json(issued.body()).path("requestId").asText();

            // Low findings: proxyApplicationId bounded, card work only at a terminal of the caller's office
            String longProxy = StandaloneApp.issuance("idem-pair-0003").replace("\"terminalId\"",
                    "\"proxyApplicationId\":\"" + "p".repeat(5000) + "\",\"terminalId\"");
            HttpResponse<String> proxy = app.post(CLERK, "/api/certificate-pairs", longProxy);
            assertThat(proxy.statusCode()).as(proxy.body()).isEqualTo(400);
            assertThat(proxy.body()).contains("proxyApplicationId");
            HttpResponse<String> elsewhere = app.post(CLERK, "/api/certificate-pairs",
                    StandaloneApp.issuance("idem-pair-0004").replace("embedded-terminal", "kita-branch-terminal"));
            assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(422);
            assertThat(StandaloneApp.json(elsewhere.body()).path("ruleId").asText()).isEqualTo("R-TRM-1");
            assertThat(app.get(CLERK, "/api/certificate-pairs/idem-pair-0004").statusCode()).isEqualTo(404);
        }

        try (StandaloneApp restarted = StandaloneApp.start(dataDir)) {
            HttpResponse<String> replay = post(restarted, CLERK, "/api/certificate-pairs", "issue-2",
                    StandaloneApp.issuance("idem-pair-0002"));
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
            assertThat(StandaloneApp.json(replay.body()).path("requestId").asText()).as("the first answer, from before the restart")
                    .isEqualTo(issuedRequestId);
            HttpResponse<String> reused = post(restarted, CLERK, "/api/certificate-pairs", "issue-2",
                    StandaloneApp.issuance("idem-pair-0005"));
            assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
            restarted.await(CLERK, "/api/certificate-pairs/idem-pair-0002",
                    p -> p.at("/certificates/SIGN/status").asText().equals("ACTIVE"), "issued once");
            assertThat(restarted.get(CLERK, "/api/certificate-pairs/idem-pair-0005").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> post(StandaloneApp app, String user, String path, String key, String body) {
        return app.send(app.request(user, path).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static long revocations(StandaloneApp app, String pairId) {
        return app.bean(EventStore.class).readEvents(pairId).asStream()
                .filter(event -> event.getPayload() instanceof CertificateRevoked).count();
    }
}
