package jp.jpki.lifecycle.card.pinentry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.card.jpki.Pin;
import jp.jpki.lifecycle.card.terminal.CardWorkException;

/**
 * One PIN the terminal is waiting for. Its page carries a nonce that a post consumes: a post that does not
 * complete the request (a typing mistake) gets a fresh page with a fresh nonce, so no form is accepted twice.
 */
final class KeypadRequest {

    record Typed(Pin pin, PinTypist typist) {
    }

    private final CertificateKind kind;
    private final boolean choosing;
    private final SecureRandom random;
    private final CompletableFuture<Typed> typed = new CompletableFuture<>();
    private String nonce;

    KeypadRequest(CertificateKind kind, boolean choosing, SecureRandom random) {
        this.kind = kind;
        this.choosing = choosing;
        this.random = random;
        this.nonce = fresh(random);
    }

    CertificateKind kind() {
        return kind;
    }

    boolean choosing() {
        return choosing;
    }

    CompletableFuture<Typed> typed() {
        return typed;
    }

    synchronized String nonce() {
        return nonce;
    }

    /** True when {@code offered} is the page's nonce; it is then used up and the next page gets another. */
    synchronized boolean consume(String offered) {
        if (typed.isDone() || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.US_ASCII),
                offered.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        nonce = fresh(random);
        return true;
    }

    /** Hands the PIN to the waiting card work; when that has given up already, the PIN is wiped here. */
    boolean complete(Pin pin, PinTypist typist) {
        if (typed.complete(new Typed(pin, typist))) {
            return true;
        }
        pin.close();
        return false;
    }

    void cancel(String why) {
        typed.completeExceptionally(new CardWorkException(why));
    }

    private static String fresh(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
