package jp.jpki.lifecycle.standalone.keypad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.JpkiCard;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.pinentry.LoopbackKeypad;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The loopback keypad in a real browser (headless Chromium through playwright-core, src/test/dashboard): the
 * kiosk browser's own form post passes the keypad's origin, host and nonce checks, and the PIN reaches the card.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeypadBrowserTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/dashboard");

    @BeforeAll
    static void browserPresent() {
        boolean present = new File("/usr/bin/chromium").canExecute() && Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"));
        String reason = "Chromium or playwright-core is missing (scripts/deps/dashboard.sh installs both)";
        if (Boolean.getBoolean("pcsc.required")) {
            assertThat(present).as(reason).isTrue();
        }
        Assumptions.assumeTrue(present, reason);
    }

    @Test
    @DisplayName("R-PIN-5: the clerk types the sealed form's new SIGN PIN in the kiosk browser; it reaches the card only")
    void the_kiosk_browser_sends_a_PIN_to_the_card(CapturedOutput output) throws Exception {
        ExecutorService cardWork = Executors.newSingleThreadExecutor();
        try (LoopbackKeypad keypad = LoopbackKeypad.start("t-kiosk", 0, Duration.ofSeconds(60))) {
            Future<Pin> chosen = cardWork.submit(() -> keypad.chooseNewPin(CertificateKind.SIGN));
            Path screenshot = Path.of("target", "keypad.png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            Process node = new ProcessBuilder("node", "keypad.test.mjs", keypad.address().toString(), "KIOSK5Q8",
                    "clerk-sealed-form", screenshot.toString()).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
            String browser = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("the browser test finished").isTrue();
            assertThat(node.exitValue()).as(browser).isZero();
            assertThat(browser).contains("went to the card").doesNotContain("KIOSK5Q8");
            try (Pin pin = chosen.get(10, TimeUnit.SECONDS)) {
                CommandAPDU[] verify = new CommandAPDU[1];
                new JpkiCard(command -> {
                    verify[0] = command;
                    return new ResponseAPDU(new byte[] {(byte) 0x90, 0x00});
                }).verify(CertificateKind.SIGN, pin);
                assertThat(new String(verify[0].getData(), StandardCharsets.US_ASCII)).isEqualTo("KIOSK5Q8");
            }
            assertThat(Files.size(screenshot)).as("a real screenshot").isGreaterThan(5_000);
            assertThat(output.getAll()).contains("by the clerk, from the resident's sealed PIN form").doesNotContain("KIOSK5Q8");
        } finally {
            cardWork.shutdownNow();
        }
    }
}
