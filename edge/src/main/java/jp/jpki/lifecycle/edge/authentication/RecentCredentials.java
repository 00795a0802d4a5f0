package jp.jpki.lifecycle.edge.authentication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sends the password with every request, and checking it against its BCrypt hash costs more than most
 * of the requests it guards. A password that matched is remembered for a short while, so the same staff member's
 * next requests skip the hash. What is remembered is an HMAC of the stored hash and the presented password under a
 * key made at start-up and never written anywhere: neither the password nor anything that could be checked against
 * guesses outside this process. Only matches are remembered, so every wrong password still costs a full BCrypt
 * check; a changed password has a new stored hash and so never meets an entry of the old one.
 */
public final class RecentCredentials implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Instant> expiryByDigest;

    public RecentCredentials(PasswordEncoder delegate, Clock clock, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.expiryByDigest = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String digest = digest(rawPassword, encodedPassword);
        Instant now = clock.instant();
        if (matchedRecently(digest, now)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            remember(digest, now.plus(ttl));
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private synchronized boolean matchedRecently(String digest, Instant now) {
        Instant expiry = expiryByDigest.get(digest);
        if (expiry == null) {
            return false;
        }
        if (now.isBefore(expiry)) {
            return true;
        }
        expiryByDigest.remove(digest);
        return false;
    }

    /** Insertion order is expiry order (one TTL for all), so the eldest entry dropped at the bound is the next to expire. */
    private synchronized void remember(String digest, Instant expiry) {
        expiryByDigest.remove(digest);
        expiryByDigest.put(digest, expiry);
    }

    private String digest(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // a BCrypt hash has no NUL: hash and password cannot be shifted into each other
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
