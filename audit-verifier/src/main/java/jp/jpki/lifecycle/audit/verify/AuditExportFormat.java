package jp.jpki.lifecycle.audit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The signed export of one pair's history, a JSON document:
 * <pre>
 * { "format": "jpki-audit-export/1", "pairId": "...", "exportedAt": "...", "exportedBy": "...",
 *   "entries": [ { "seq": 0, "entry": "&lt;canonical JSON of the event&gt;", "hash": "&lt;hex&gt;" }, ... ],
 *   "headHash": "&lt;hash of the last entry&gt;",
 *   "signature": { "algorithm": "SHA256withRSA", "keyId": "&lt;SHA-256 of the public key&gt;", "value": "&lt;base64&gt;" } }
 * </pre>
 * The signature covers the canonical form of the document without its {@code signature} member.
 */
public final class AuditExportFormat {

    public static final String FORMAT = "jpki-audit-export/1";
    public static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private AuditExportFormat() {
    }

    /** The bytes the signature covers. */
    public static byte[] signedContent(JsonNode export) {
        ObjectNode body = export.deepCopy();
        body.remove("signature");
        return CanonicalJson.of(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
