package jp.jpki.lifecycle.card.pinentry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.terminal.CardWorkException;
import jp.jpki.lifecycle.card.terminal.PinPad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's keypad where the reader has no PIN pad: a page served on 127.0.0.1 only, so nothing on the
 * counter network reaches it, which the terminal's kiosk browser shows to the resident. Each PIN request has its
 * own page and nonce; a post from any other origin or for any other host name is refused (no cross-site form,
 * no DNS rebinding). The PIN travels from the request body into a {@code char[]}, then into {@link Pin}, and
 * every copy is wiped; it is never logged. One PIN is asked at a time.
 */
public final class LoopbackKeypad implements PinPad, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopbackKeypad.class);
    private static final int MAX_BODY = 1024;
    private static final int MAX_PIN = 16;

    private final String terminalId;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock turn = new ReentrantLock(true);
    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<String> hosts;
    private final Set<String> origins;
    private volatile KeypadRequest pending;

    private LoopbackKeypad(String terminalId, Duration timeout, HttpServer server, ExecutorService executor) {
        this.terminalId = terminalId;
        this.timeout = timeout;
        this.server = server;
        this.executor = executor;
        int port = server.getAddress().getPort();
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        this.origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    /** Serves the keypad on 127.0.0.1:{@code port} (0: a free port). */
    public static LoopbackKeypad start(String terminalId, int port, Duration timeout) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
            ExecutorService executor = Executors.newFixedThreadPool(2, work -> {
                Thread thread = new Thread(work, "pin-keypad-" + terminalId);
                thread.setDaemon(true);
                return thread;
            });
            LoopbackKeypad keypad = new LoopbackKeypad(terminalId, timeout, server, executor);
            server.createContext("/", keypad::handle);
            server.setExecutor(executor);
            server.start();
            log.info("terminal {}: PIN keypad at {} (loopback only)", terminalId, keypad.address());
            return keypad;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the PIN keypad on 127.0.0.1:" + port, e);
        }
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public Pin enterPin(CertificateKind kind) {
        return await(kind, false);
    }

    @Override
    public Pin chooseNewPin(CertificateKind kind) {
        return await(kind, true);
    }

    @Override
    public void close() {
        KeypadRequest open = pending;
        if (open != null) {
            open.cancel("the keypad of terminal " + terminalId + " was shut down");
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private Pin await(CertificateKind kind, boolean choosing) {
        try {
            if (!turn.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CardWorkException("terminal " + terminalId + "'s keypad is busy with another PIN");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardWorkException("interrupted while waiting for terminal " + terminalId + "'s keypad");
        }
        KeypadRequest request = new KeypadRequest(kind, choosing, random);
        pending = request;
        try {
            KeypadRequest.Typed typed = request.typed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("terminal {}: {} PIN {} on the keypad by {}", terminalId, kind, choosing ? "chosen" : "entered",
                    typed.typist().label());
            return typed.pin();
        } catch (TimeoutException e) {
            request.cancel("timed out");
            throw new CardWorkException("no " + kind + " PIN was typed on terminal " + terminalId + "'s keypad within "
                    + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CardWorkException refused ? refused
                    : new CardWorkException("PIN entry at terminal " + terminalId + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.cancel("interrupted");
            throw new CardWorkException("interrupted while waiting for a PIN at terminal " + terminalId);
        } finally {
            pending = null;
            turn.unlock();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!hosts.contains(String.valueOf(exchange.getRequestHeaders().getFirst("Host")))) {
                respond(exchange, 421, KeypadPage.message(terminalId, "Open the keypad at " + address()));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/") && method.equals("GET")) {
                KeypadRequest request = pending;
                respond(exchange, 200, request == null || request.typed().isDone() ? KeypadPage.idle(terminalId)
                        : KeypadPage.request(terminalId, request, null, PinTypist.RESIDENT));
            } else if (path.equals("/pin") && method.equals("POST")) {
                submit(exchange);
            } else {
                respond(exchange, path.equals("/") || path.equals("/pin") ? 405 : 404, KeypadPage.message(terminalId, "Not here."));
            }
        } finally {
            exchange.close();
        }
    }

    private void submit(HttpExchange exchange) throws IOException {
        if (!origins.contains(String.valueOf(exchange.getRequestHeaders().getFirst("Origin")))) {
            respond(exchange, 403, KeypadPage.message(terminalId, "The keypad takes PINs from its own page only."));
            return;
        }
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            respond(exchange, 415, KeypadPage.message(terminalId, "The keypad takes its own form only."));
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            Arrays.fill(body, (byte) 0);
            respond(exchange, 413, KeypadPage.message(terminalId, "Too long for a PIN."));
            return;
        }
        try (KeypadForm form = KeypadForm.parse(body)) {
            KeypadRequest request = pending;
            if (request == null || !request.consume(form.field("nonce"))) {
                respond(exchange, 409, KeypadPage.message(terminalId, "This PIN request is closed; the keypad shows the open one."));
                return;
            }
            if (form.field("action").equals("cancel")) {
                request.cancel("PIN entry was cancelled on terminal " + terminalId + "'s keypad");
                respond(exchange, 200, KeypadPage.message(terminalId, "PIN entry cancelled."));
                return;
            }
            PinTypist typist = PinTypist.fromForm(form.field("typist"));
            String problem = problem(request, form.secret("pin"), form.secret("confirm"));
            if (problem != null) {
                respond(exchange, 422, KeypadPage.request(terminalId, request, problem, typist));
                return;
            }
            CharBuffer typed = CharBuffer.wrap(form.secret("pin"));
            Pin pin = request.choosing() ? Pin.chosen(request.kind(), typed) : Pin.entered(typed);
            if (!request.complete(pin, typist)) {
                respond(exchange, 409, KeypadPage.message(terminalId, "This PIN request is closed; the keypad shows the open one."));
                return;
            }
            respond(exchange, 200, KeypadPage.message(terminalId, "Thank you. The PIN went to the card."));
        }
    }

    /** What is wrong with the entry, in words for the person typing (never the PIN), or null. */
    private static String problem(KeypadRequest request, char[] pin, char[] confirm) {
        if (request.kind() == CertificateKind.SIGN) {
            upperCase(pin);
            upperCase(confirm);
        }
        if (pin.length == 0 || pin.length > MAX_PIN) {
            return "Type the PIN (at most " + MAX_PIN + " characters).";
        }
        if (!request.choosing()) {
            return null;
        }
        if (!Arrays.equals(pin, confirm)) {
            return "The two entries differ. Type the new PIN twice.";
        }
        try {
            Pin.chosen(request.kind(), CharBuffer.wrap(pin)).close();
            return null;
        } catch (IllegalArgumentException wrongFormat) {
            return wrongFormat.getMessage();
        }
    }

    /** SIGN PINs are capitals and digits; a resident typing small letters means the same PIN. */
    private static void upperCase(char[] typed) {
        for (int i = 0; i < typed.length; i++) {
            if (typed[i] >= 'a' && typed[i] <= 'z') {
                typed[i] = (char) (typed[i] - 'a' + 'A');
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        // not no-referrer: under it a browser sends "Origin: null" with the keypad's own form, which is then refused
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
