package jp.jpki.lifecycle.command.counter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one request asks for, as a SHA-256 over its method, its path and its body in canonical form (object members
 * sorted by name, no insignificant white space), so a retry that differs only in formatting or member order is the
 * same request, and any other method, path or body is not.
 *
 * @param method the HTTP method
 * @param path   the request path, without the query
 * @param sha256 the fingerprint, 64 hexadecimal digits
 */
record RequestFingerprint(String method, String path, String sha256) {

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    static RequestFingerprint of(String method, String path, byte[] body) {
        String canonical = canonical(body);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {method, path, canonical}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return new RequestFingerprint(method, path, HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A body that is not JSON is left as it is: the controller refuses it before anything is remembered. */
    static String canonical(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode tree = CANONICAL.readTree(body);
            return tree == null ? "" : CANONICAL.writeValueAsString(CANONICAL.treeToValue(tree, Object.class));
        } catch (java.io.IOException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
