package jp.jpki.lifecycle.audit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Checks a signed export with nothing but the exporter's public key: the sequence is gap-free and in order,
 * every hash follows from its predecessor and its entry, the head is the last hash, and the signature holds.
 * It names the first entry that was altered, inserted, removed or moved.
 */
public final class ExportVerifier {

    private final PublicKey publicKey;

    public ExportVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    public Verdict verify(JsonNode export) {
        if (!AuditExportFormat.FORMAT.equals(export.path("format").asText())) {
            return new Verdict.Broken(-1, null, "not a " + AuditExportFormat.FORMAT + " document");
        }
        JsonNode entries = export.path("entries");
        String previous = AuditChain.GENESIS;
        for (int position = 0; position < entries.size(); position++) {
            JsonNode entry = entries.get(position);
            long seq = entry.path("seq").asLong(-1);
            if (seq > position) {
                return new Verdict.Broken(position, seq, "expected seq " + position + ": entries " + position + ".." + (seq - 1)
                        + " were removed (or this one moved)");
            }
            if (seq < position) {
                return new Verdict.Broken(position, seq, "expected seq " + position + ": this entry was inserted or moved here");
            }
            String text = entry.path("entry").asText();
            if (CanonicalJson.parse(text).path("seq").asLong(-2) != seq) {
                return new Verdict.Broken(position, seq, "the entry's own sequence number disagrees with its place: it was moved");
            }
            String expected = AuditChain.next(previous, text);
            if (!expected.equals(entry.path("hash").asText())) {
                return new Verdict.Broken(position, seq, "hash mismatch: the entry or its predecessor was altered");
            }
            previous = expected;
        }
        if (!previous.equals(export.path("headHash").asText())) {
            return new Verdict.Broken(entries.size(), null, "the head hash is not the last entry's: entries were removed at the end");
        }
        if (!signatureHolds(export)) {
            return new Verdict.Broken(-1, null, "the signature does not verify with this public key: the export was changed after signing, "
                    + "or signed by another key");
        }
        return new Verdict.Intact(export.path("pairId").asText(), entries.size(), previous);
    }

    private boolean signatureHolds(JsonNode export) {
        JsonNode signature = export.path("signature");
        if (!AuditExportFormat.SIGNATURE_ALGORITHM.equals(signature.path("algorithm").asText())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(AuditExportFormat.SIGNATURE_ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(AuditExportFormat.signedContent(export));
            return verifier.verify(Base64.getDecoder().decode(signature.path("value").asText()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
