package jp.jpki.lifecycle.standalone.hygiene;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/**
 * A resident at the terminal's loopback keypad: watches the page as the kiosk browser does and types their PIN
 * for whichever kind is asked, twice when a new one is chosen.
 */
final class KeypadResident implements AutoCloseable {

    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    private final URI keypad;
    private final Map<CertificateKind, String> pins;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread thread;
    private final AtomicInteger typed = new AtomicInteger();
    private volatile boolean present = true;

    KeypadResident(URI keypad, Map<CertificateKind, String> pins) {
        this.keypad = keypad;
        this.pins = pins;
        this.thread = new Thread(this::watch, "keypad-resident");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many PINs went through, once {@code expected} did or after 5 s (the page's answer trails the card). */
    int awaitTyped(int expected) throws InterruptedException {
        for (int wait = 0; wait < 100 && typed.get() < expected; wait++) {
            Thread.sleep(50);
        }
        return typed.get();
    }

    @Override
    public void close() throws InterruptedException {
        present = false;
        thread.join(5000);
    }

    private void watch() {
        while (present) {
            try {
                String page = http.send(HttpRequest.newBuilder(keypad).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher nonce = NONCE.matcher(page);
                if (nonce.find()) {
                    String pin = pins.get(page.contains("AUTH PIN") ? CertificateKind.AUTH : CertificateKind.SIGN);
                    String form = "nonce=" + nonce.group(1) + "&pin=" + pin
                            + (page.contains("name=\"confirm\"") ? "&confirm=" + pin : "") + "&typist=resident&action=submit";
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(keypad.resolve("/pin"))
                            .header("Origin", "http://127.0.0.1:" + keypad.getPort())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        typed.incrementAndGet();
                    }
                } else {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception keypadNotReadyYet) {
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
