package jp.jpki.lifecycle.card.pinentry;

import static jp.jpki.lifecycle.api.pair.CertificateKind.AUTH;
import static jp.jpki.lifecycle.api.pair.CertificateKind.SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.terminal.CardWorkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The loopback keypad driven over HTTP as the terminal's kiosk browser drives it. */
@ExtendWith(OutputCaptureExtension.class)
class LoopbackKeypadTest {

    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService cardWork = Executors.newSingleThreadExecutor();
    private LoopbackKeypad keypad;

    @BeforeEach
    void openKeypad() {
        keypad = LoopbackKeypad.start("t-keypad", 0, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeKeypad() {
        keypad.close();
        cardWork.shutdownNow();
    }

    @Test
    @DisplayName("R-PIN-5: the resident's new PIN goes from the loopback page to the card, and neither a page nor the log shows it")
    void a_chosen_PIN_reaches_the_card_only(CapturedOutput output) throws Exception {
        Future<Pin> asked = cardWork.submit(() -> keypad.chooseNewPin(AUTH));
        String page = requestPage();
        assertThat(page).contains("AUTH PIN: 4 digits", "type it twice", "name=\"confirm\"");
        HttpResponse<String> done = post(form(nonce(page), "8251", "8251", "resident"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("went to the card").doesNotContain("8251");
        assertThat(done.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(done.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'self'");
        try (Pin pin = asked.get(5, TimeUnit.SECONDS)) {
            assertThat(sentToCard(AUTH, pin)).isEqualTo("8251");
        }
        assertThat(output.getAll()).contains("AUTH PIN chosen on the keypad by the resident").doesNotContain("8251");
        assertThat(get().body()).as("the request is closed").contains("No PIN is requested");
    }

    @Test
    @DisplayName("R-PIN-5: the keypad listens on the loopback interface only, not on the counter network")
    void loopback_only() throws Exception {
        assertThat(keypad.address().getHost()).isEqualTo("127.0.0.1");
        Optional<InetAddress> network = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address).findFirst();
        assumeTrue(network.isPresent(), "this machine has no network address besides loopback");
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(network.get(), keypad.address().getPort()), 2000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    @DisplayName("R-PIN-5: a request's form is accepted once; a replay or a guessed nonce changes nothing")
    void one_shot_nonce() throws Exception {
        Future<Pin> asked = cardWork.submit(() -> keypad.enterPin(AUTH));
        String nonce = nonce(requestPage());
        assertThat(post(form("not-the-nonce", "1111", null, "resident")).statusCode()).isEqualTo(409);
        assertThat(asked).as("a wrong nonce leaves the request open").isNotDone();
        assertThat(post(form(nonce, "2468", null, "resident")).statusCode()).isEqualTo(200);
        assertThat(post(form(nonce, "9999", null, "resident")).statusCode()).as("replayed").isEqualTo(409);
        try (Pin pin = asked.get(5, TimeUnit.SECONDS)) {
            assertThat(sentToCard(AUTH, pin)).isEqualTo("2468");
        }
    }

    @Test
    @DisplayName("R-PIN-5: a form posted from another origin, or without one, is refused and the request stays open")
    void foreign_origin_refused() throws Exception {
        Future<Pin> asked = cardWork.submit(() -> keypad.enterPin(AUTH));
        String nonce = nonce(requestPage());
        assertThat(send(postRequest(form(nonce, "1357", null, "resident")).header("Origin", "http://counter.example.lg.jp"))
                .statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(keypad.address().resolve("/pin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(nonce, "1357", null, "resident")))).statusCode()).isEqualTo(403);
        assertThat(asked).isNotDone();
        assertThat(post(form(nonce, "1357", null, "resident")).statusCode()).isEqualTo(200);
        asked.get(5, TimeUnit.SECONDS).close();
    }

    @Test
    @DisplayName("R-PIN-5: a request for another host name (DNS rebinding) is refused")
    void foreign_host_refused() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), keypad.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: attacker.example:" + keypad.address().getPort() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 421");
        }
    }

    @Test
    @DisplayName("R-PIN-1: two different entries or a wrong format give a fresh page naming the problem; the old form is dead")
    void typing_mistakes_get_a_fresh_page() throws Exception {
        Future<Pin> asked = cardWork.submit(() -> keypad.chooseNewPin(SIGN));
        String first = nonce(requestPage());
        HttpResponse<String> differ = post(form(first, "ABC123", "ABC124", "resident"));
        assertThat(differ.statusCode()).isEqualTo(422);
        assertThat(differ.body()).contains("The two entries differ").doesNotContain("ABC123", "ABC124");
        String second = nonce(differ.body());
        assertThat(second).isNotEqualTo(first);
        HttpResponse<String> format = post(form(second, "ABCDEF", "ABCDEF", "resident"));
        assertThat(format.statusCode()).isEqualTo(422);
        assertThat(format.body()).contains("R-PIN-1");
        assertThat(post(form(first, "XYZ789", "XYZ789", "resident")).statusCode()).as("the first form").isEqualTo(409);
        assertThat(post(form(nonce(format.body()), "xyz789", "xyz789", "resident")).statusCode()).isEqualTo(200);
        try (Pin pin = asked.get(5, TimeUnit.SECONDS)) {
            assertThat(sentToCard(SIGN, pin)).as("small letters are the same PIN in capitals").isEqualTo("XYZ789");
        }
    }

    @Test
    @DisplayName("R-PIN-5: in the proxy case the clerk types from the sealed form, and the entry is labelled so")
    void clerk_types_from_the_sealed_form(CapturedOutput output) throws Exception {
        Future<Pin> asked = cardWork.submit(() -> keypad.chooseNewPin(SIGN));
        String page = requestPage();
        assertThat(page).contains("The clerk, from the resident's sealed PIN form (proxy application)");
        assertThat(post(form(nonce(page), "SEAL42X", "SEAL42X", "clerk-sealed-form")).statusCode()).isEqualTo(200);
        asked.get(5, TimeUnit.SECONDS).close();
        assertThat(output.getAll())
                .contains("SIGN PIN chosen on the keypad by the clerk, from the resident's sealed PIN form (proxy application)")
                .doesNotContain("SEAL42X");
    }

    @Test
    void the_card_work_fails_when_nobody_types_or_the_entry_is_cancelled() throws Exception {
        try (LoopbackKeypad impatient = LoopbackKeypad.start("t-impatient", 0, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> impatient.enterPin(AUTH)).isInstanceOf(CardWorkException.class)
                    .hasMessageContaining("no AUTH PIN was typed");
        }
        Future<Pin> asked = cardWork.submit(() -> keypad.enterPin(AUTH));
        assertThat(post("nonce=" + nonce(requestPage()) + "&action=cancel").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> asked.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CardWorkException.class).hasMessageContaining("cancelled");
    }

    /** What the card receives in VERIFY when the terminal passes this PIN on. */
    private static String sentToCard(CertificateKind kind, Pin pin) throws Exception {
        CommandAPDU[] last = new CommandAPDU[1];
        new JpkiCard(command -> {
            last[0] = command;
            return new ResponseAPDU(new byte[] {(byte) 0x90, 0x00});
        }).verify(kind, pin);
        return new String(last[0].getData(), StandardCharsets.US_ASCII);
    }

    private String requestPage() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            String page = get().body();
            if (NONCE.matcher(page).find()) {
                return page;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the keypad never showed the PIN request");
    }

    private static String nonce(String page) {
        Matcher matcher = NONCE.matcher(page);
        assertThat(matcher.find()).as("a nonce on the page").isTrue();
        return matcher.group(1);
    }

    private static String form(String nonce, String pin, String confirm, String typist) {
        return "nonce=" + nonce + "&pin=" + pin + (confirm == null ? "" : "&confirm=" + confirm) + "&typist=" + typist
                + "&action=submit";
    }

    private HttpResponse<String> get() throws Exception {
        return send(HttpRequest.newBuilder(keypad.address()).GET());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send(postRequest(body).header("Origin", "http://127.0.0.1:" + keypad.address().getPort()));
    }

    private HttpRequest.Builder postRequest(String body) {
        return HttpRequest.newBuilder(URI.create(keypad.address() + "pin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
