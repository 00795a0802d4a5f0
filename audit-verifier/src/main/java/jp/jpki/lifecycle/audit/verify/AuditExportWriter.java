package jp.jpki.lifecycle.audit.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Writes the signed export of {@link AuditExportFormat}; the server uses it, and so do the verifier's tests. */
public final class AuditExportWriter {

    /** One chained entry as the server keeps it. */
    public record ChainedEntry(long seq, String canonicalEntry, String hash) {
    }

    private AuditExportWriter() {
    }

    public static ObjectNode write(String pairId, String exportedAt, String exportedBy, List<ChainedEntry> entries,
                                   PrivateKey signingKey, PublicKey verificationKey) {
        ObjectNode export = CanonicalJson.mapper().createObjectNode();
        export.put("format", AuditExportFormat.FORMAT);
        export.put("pairId", pairId);
        export.put("exportedAt", exportedAt);
        export.put("exportedBy", exportedBy);
        ArrayNode list = export.putArray("entries");
        String head = AuditChain.GENESIS;
        for (ChainedEntry entry : entries) {
            list.addObject().put("seq", entry.seq()).put("entry", entry.canonicalEntry()).put("hash", entry.hash());
            head = entry.hash();
        }
        export.put("headHash", head);
        try {
            Signature signer = Signature.getInstance(AuditExportFormat.SIGNATURE_ALGORITHM);
            signer.initSign(signingKey);
            signer.update(AuditExportFormat.signedContent(export));
            export.putObject("signature").put("algorithm", AuditExportFormat.SIGNATURE_ALGORITHM)
                    .put("keyId", keyId(verificationKey)).put("value", Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the audit export", e);
        }
        return export;
    }

    /** SHA-256 of the public key's encoding, hex: tells an auditor which published key to use. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
