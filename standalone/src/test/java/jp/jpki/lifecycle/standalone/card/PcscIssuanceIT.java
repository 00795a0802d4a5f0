package jp.jpki.lifecycle.standalone.card;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.card.jpki.CardResult;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.pcsc.PcscCardReader;
import jp.jpki.lifecycle.card.pcsc.PcscStack;
import jp.jpki.lifecycle.card.pcsc.PrivatePcscd;
import jp.jpki.lifecycle.card.support.ScriptedPinPad;
import jp.jpki.lifecycle.card.terminal.CardConnection;
import jp.jpki.lifecycle.card.terminal.CounterPinCheck;
import jp.jpki.lifecycle.card.terminal.IssuerKeyFile;
import jp.jpki.lifecycle.card.terminal.PinPad;
import jp.jpki.lifecycle.cardsim.VirtualCards;
import jp.jpki.lifecycle.cardsim.VpcdConnector;
import jp.jpki.lifecycle.standalone.StandaloneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The whole system with its terminal on a PC/SC reader: the virtual card sits in a vsmartcard-vpcd reader of a
 * real pcscd, the standalone app issues a pair over HTTP, and the gateway's javax.smartcardio code reads both
 * certificates back. A lock made by wrong PINs at the terminal reaches the pair as PinLocked; a counter PIN
 * reset clears it on the card and records PinReset.
 */
@ExtendWith(PcscStack.class)
class PcscIssuanceIT {

    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    private static final String CARD = "CARD-PCSC-1";
    private static final String PAIR = "pcsc-pair-0001";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ScriptedPinPad pinPad = new ScriptedPinPad();

    @TempDir
    Path dataDir;

    @Test
    void issuance_over_http_writes_to_the_card_behind_pcscd_and_PIN_lock_and_reset_reach_the_pair(PrivatePcscd pcscd)
            throws Exception {
        IssuerKey issuer = IssuerKey.generate();
        IssuerKeyFile.save(issuer, dataDir.resolve("card-issuer/issuer-key.pem"));
        var card = new VirtualCards(dataDir.resolve("vpcd-cards"), issuer.publicKey(), new SecureRandom()).card(CARD);
        PcscCardReader reader = new PcscCardReader(PrivatePcscd.READER, Duration.ofSeconds(10));
        try (VpcdConnector inReader = new VpcdConnector(card, "127.0.0.1", pcscd.vpcdPort()).start();
             ConfigurableApplicationContext app = start()) {
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> issued = post(base + "/api/certificate-pairs", """
                    {"pairId":"%s",
                     "holder":{"residentRef":"R-000009","municipalityCode":"131121","name":"Pcsc Hanako",
                               "address":"Setagaya 2-2","dateOfBirth":"1990-04-01","sex":"FEMALE","adultWard":false},
                     "card":{"cardId":"%s","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
                     "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","terminalId":"embedded-terminal"}
                    """.formatted(PAIR, CARD));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);
            String view = awaitBody(base + "/api/certificate-pairs/" + PAIR, "\"CERTIFICATES_WRITTEN\"");

            try (CardConnection connection = reader.connect(CARD)) {
                JpkiCard jpki = new JpkiCard(connection);
                jpki.selectApplication();
                X509Certificate auth = jpki.certificate(AUTH);
                assertThat(jpki.verify(SIGN, Pin.entered(pinPad.currentPin(SIGN)))).isInstanceOf(CardResult.Verified.class);
                X509Certificate sign = jpki.certificate(SIGN);
                assertThat(view).contains(auth.getSerialNumber().toString(16), sign.getSerialNumber().toString(16));
                assertThat(auth.getIssuerX500Principal().getName()).contains("user authentication");
                assertThat(sign.getIssuerX500Principal().getName()).contains("digital signature");
            }

            CounterPinCheck check = app.getBean(CounterPinCheck.class);
            pinPad.willType(AUTH, "0000", "0000", "0000");
            assertThat(check.verify(new PairId(PAIR), CARD, AUTH)).isEqualTo(new CardResult.WrongPin(2));
            assertThat(check.verify(new PairId(PAIR), CARD, AUTH)).isEqualTo(new CardResult.WrongPin(1));
            assertThat(check.verify(new PairId(PAIR), CARD, AUTH)).isEqualTo(new CardResult.Blocked());
            assertThat(awaitBody(base + "/api/certificate-pairs/" + PAIR, "\"PIN_LOCKED\"")).contains("\"pinLocked\":true");

            pinPad.willChoose(AUTH, "2468");
            HttpResponse<String> reset = post(base + "/api/certificate-pairs/" + PAIR + "/pin-resets",
                    "{\"kind\":\"AUTH\",\"applicant\":\"RESIDENT\",\"documents\":[\"A\"],\"terminalId\":\"embedded-terminal\"}");
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(202);
            assertThat(awaitBody(base + "/api/certificate-pairs/" + PAIR, "\"PIN_RESET\"")).doesNotContain("\"pinLocked\":true");
            assertThat(check.inspect(new PairId(PAIR), CARD).get(AUTH)).isEqualTo(new CardResult.WrongPin(3));
            assertThat(check.verify(new PairId(PAIR), CARD, AUTH)).isInstanceOf(CardResult.Verified.class);
        }
    }

    private ConfigurableApplicationContext start() {
        SpringApplication app = new SpringApplication(StandaloneApplication.class);
        app.addInitializers(context -> ((GenericApplicationContext) context).registerBean(PinPad.class, () -> pinPad));
        return app.run("--server.port=0", "--jpki.data-dir=" + dataDir, "--jpki.ca.keystore=" + dataDir.resolve("ca/jpki-ca.p12"),
                "--jpki.policies.monthly-maintenance=false", "--jpki.terminal.reader=" + PrivatePcscd.READER,
                "--jpki.terminal.card-wait=10s");
    }

    private String awaitBody(String url, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", CLERK)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            body = response.body();
            if (response.statusCode() == 200 && body.contains(expected)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + expected + " at " + url + " within 60 s; last body: " + body);
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", CLERK)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
