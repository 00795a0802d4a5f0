package jp.jpki.lifecycle.audit.verify;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * PEM ("BEGIN PUBLIC KEY", SubjectPublicKeyInfo) to an RSA public key and back, and the key's fingerprint: SHA-256
 * over its DER SubjectPublicKeyInfo, as lowercase hex pairs joined by ':' (what
 * {@code openssl pkey -pubin -outform DER | openssl dgst -sha256 -c} prints), with the JDK alone.
 */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static PublicKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM RSA public key", e);
        }
    }

    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return java.util.HexFormat.ofDelimiter(":").formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether a fingerprint as an auditor may write it (any case, with or without ':' or a "SHA256:" prefix) is the key's. */
    public static boolean matches(PublicKey key, String expected) {
        String normal = expected.trim().toLowerCase(java.util.Locale.ROOT).replaceFirst("^sha-?256:", "").replace(":", "");
        return fingerprint(key).replace(":", "").equals(normal);
    }

    public static String toPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
