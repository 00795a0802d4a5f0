package jp.jpki.lifecycle.standalone.cardwork;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static jp.jpki.lifecycle.standalone.StandaloneApp.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.card.jpki.IssuerChannel;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.JpkiFile;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import jp.jpki.lifecycle.card.terminal.CardReader;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-card binding attack of the security review, against the running application: two staff accounts send
 * card work for two residents on two cards under the same Idempotency-Key. Each resident's certificates must be
 * over the key on their own card, never the other's, and nothing may be left issuing.
 */
class CardBindingTest {

    private static final String SHARED_KEY = "counter-visit-0001";

    @TempDir
    static Path dataDir;
    private static StandaloneApp app;

    @BeforeAll
    static void start() {
        app = StandaloneApp.start(dataDir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @DisplayName("R-CRD-5: two clerks, one Idempotency-Key, two residents and cards: each certificate is over its own card's key")
    void sameKeyTwoClerksTwoCards() throws Exception {
        HttpResponse<String> first = issue(CLERK, SHARED_KEY, "bind-pair-0001");
        HttpResponse<String> second = issue(SUPERVISOR, SHARED_KEY, "bind-pair-0002");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        assertThat(StandaloneApp.json(second.body()).path("requestId").asText()).as("a request id per command, not per key")
                .isNotEqualTo(StandaloneApp.json(first.body()).path("requestId").asText());

        awaitActive("bind-pair-0001");
        awaitActive("bind-pair-0002");
        assertBoundToOwnCard("bind-pair-0001");
        assertBoundToOwnCard("bind-pair-0002");
        assertThat(cardKey("CARD-bind-pair-0002", CertificateKind.SIGN)).as("two cards, two keys")
                .isNotEqualTo(cardKey("CARD-bind-pair-0001", CertificateKind.SIGN));
    }

    @Test
    @DisplayName("R-CRD-5 + R-IDEM-2: concurrent reuse of one key by two clerks and by one clerk for two residents: "
            + "every accepted pair ends ACTIVE over its own card, a refused one leaves nothing, none stays ISSUING")
    void concurrentReuse() throws Exception {
        List<Callable<Map.Entry<String, HttpResponse<String>>>> attempts = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String key = "shared-under-load-" + round;
            for (String[] attempt : new String[][] {{CLERK, "a"}, {SUPERVISOR, "b"}, {CLERK, "c"}}) {
                String pairId = "conc-bind-%d-%s".formatted(round, attempt[1]);
                attempts.add(() -> Map.entry(pairId, issue(attempt[0], key, pairId)));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Set<String> accepted = new HashSet<>();
        Set<String> refused = new HashSet<>();
        try {
            for (Future<Map.Entry<String, HttpResponse<String>>> done : pool.invokeAll(attempts)) {
                Map.Entry<String, HttpResponse<String>> answer = done.get();
                int status = answer.getValue().statusCode();
                assertThat(status).as(answer.getKey() + ": " + answer.getValue().body()).isIn(202, 409, 422);
                (status == 202 ? accepted : refused).add(answer.getKey());
            }
        } finally {
            pool.shutdownNow();
        }
        // per round: the supervisor's is its own key; of the clerk's two different requests under one key, one runs
        assertThat(accepted).hasSize(8);
        for (String pairId : accepted) {
            awaitActive(pairId);
            assertBoundToOwnCard(pairId);
        }
        for (String pairId : refused) {
            assertThat(app.get(CLERK, "/api/certificate-pairs/" + pairId).statusCode()).as(pairId + " was never created")
                    .isEqualTo(404);
        }
    }

    private static HttpResponse<String> issue(String user, String key, String pairId) {
        HttpRequest request = app.request(user, "/api/certificate-pairs").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(StandaloneApp.issuance(pairId))).build();
        return app.send(request);
    }

    private static void awaitActive(String pairId) {
        JsonNode pair = app.await(CLERK, "/api/certificate-pairs/" + pairId,
                p -> !p.at("/certificates/AUTH/status").asText().equals("ISSUING")
                        && !p.at("/certificates/SIGN/status").asText().equals("ISSUING"),
                "out of ISSUING", Duration.ofMinutes(2));
        assertThat(pair.at("/certificates/AUTH/status").asText()).as(pairId).isEqualTo("ACTIVE");
        assertThat(pair.at("/certificates/SIGN/status").asText()).as(pairId).isEqualTo("ACTIVE");
    }

    /** The pair's certificates certify the keys on the pair's own card, and the card holds the AUTH one. */
    private static void assertBoundToOwnCard(String pairId) throws Exception {
        String cardId = "CARD-" + pairId;
        Map<CertificateKind, IssuedCertificate> issued = new java.util.EnumMap<>(CertificateKind.class);
        app.bean(EventStore.class).readEvents(pairId).asStream().forEach(event -> {
            if (event.getPayload() instanceof CertificatesIssued certificates) {
                certificates.certificates().forEach(certificate -> issued.put(certificate.kind(), certificate));
            }
        });
        assertThat(issued).as(pairId).containsOnlyKeys(CertificateKind.SIGN, CertificateKind.AUTH);
        JsonNode view = StandaloneApp.json(app.get(CLERK, "/api/certificate-pairs/" + pairId).body());
        for (IssuedCertificate certificate : issued.values()) {
            X509Certificate x509 = x509(Base64.getDecoder().decode(certificate.derBase64()));
            RSAPublicKey certified = (RSAPublicKey) x509.getPublicKey();
            RSAPublicKey onCard = cardKey(cardId, certificate.kind());
            assertThat(certified.getModulus()).as(pairId + " " + certificate.kind() + " certificate over card " + cardId + "'s key")
                    .isEqualTo(onCard.getModulus());
            assertThat(view.at("/certificates/" + certificate.kind() + "/serialHex").asText()).isEqualTo(certificate.serialHex());
        }
        try (CardConnection connection = app.bean(CardReader.class).connect(cardId)) {
            JpkiCard card = new JpkiCard(connection);
            card.selectApplication();
            assertThat(card.readCertificate(JpkiFile.AUTH_CERTIFICATE).dataOrThrow("read"))
                    .isEqualTo(Base64.getDecoder().decode(issued.get(CertificateKind.AUTH).derBase64()));
        }
    }

    private static RSAPublicKey cardKey(String cardId, CertificateKind kind) throws Exception {
        try (CardConnection connection = app.bean(CardReader.class).connect(cardId)) {
            return IssuerChannel.open(connection, app.bean(IssuerKey.class)).publicKey(kind);
        }
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
