package jp.jpki.lifecycle.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier accepts an untouched export and names the first edited, deleted, inserted or moved entry. */
class ExportVerifierTest {

    private static KeyPair keys;
    private static ExportVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        verifier = new ExportVerifier(keys.getPublic());
    }

    private static ObjectNode export(int size) {
        List<AuditExportWriter.ChainedEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 0; seq < size; seq++) {
            ObjectNode entry = CanonicalJson.mapper().createObjectNode().put("seq", seq).put("type", "PinLocked")
                    .put("timestamp", "2027-06-01T01:00:0" + seq + "Z");
            entry.putObject("payload").put("kind", "AUTH").put("pairId", "pair-0001");
            String canonical = CanonicalJson.of(entry);
            previous = AuditChain.next(previous, canonical);
            entries.add(new AuditExportWriter.ChainedEntry(seq, canonical, previous));
        }
        return AuditExportWriter.write("pair-0001", "2027-06-02T00:00:00Z", "auditor", entries, keys.getPrivate(), keys.getPublic());
    }

    private static ArrayNode entries(ObjectNode export) {
        return (ArrayNode) export.get("entries");
    }

    @Test
    void an_untouched_export_verifies() {
        Verdict verdict = verifier.verify(export(5));
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.describe()).startsWith("OK: 5 entries of pair pair-0001");
    }

    @Test
    void an_edited_event_is_named() {
        ObjectNode export = export(5);
        ObjectNode third = (ObjectNode) entries(export).get(2);
        third.put("entry", third.get("entry").asText().replace("AUTH", "SIGN"));
        assertThat(verifier.verify(export)).isEqualTo(new Verdict.Broken(2, 2L, "hash mismatch: the entry or its predecessor was altered"));
    }

    @Test
    void an_edited_event_with_recomputed_hashes_still_fails_the_signature() {
        ObjectNode export = export(3);
        String previous = AuditChain.GENESIS;
        for (var node : entries(export)) {
            ObjectNode entry = (ObjectNode) node;
            entry.put("entry", entry.get("entry").asText().replace("AUTH", "SIGN"));
            previous = AuditChain.next(previous, entry.get("entry").asText());
            entry.put("hash", previous);
        }
        export.put("headHash", previous);
        Verdict verdict = verifier.verify(export);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.describe()).contains("signature does not verify");
    }

    @Test
    void a_deleted_event_is_named() {
        ObjectNode export = export(5);
        entries(export).remove(1);
        Verdict verdict = verifier.verify(export);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Broken.class, broken -> {
            assertThat(broken.position()).isEqualTo(1);
            assertThat(broken.problem()).contains("removed");
        });
    }

    @Test
    void a_deleted_last_event_is_found_by_the_head_hash() {
        ObjectNode export = export(5);
        entries(export).remove(4);
        assertThat(verifier.verify(export).describe()).contains("removed at the end");
    }

    @Test
    void reordered_events_are_named() {
        ObjectNode export = export(5);
        var second = entries(export).get(1).deepCopy();
        entries(export).set(1, entries(export).get(2).deepCopy());
        entries(export).set(2, second);
        assertThat(verifier.verify(export)).isInstanceOfSatisfying(Verdict.Broken.class,
                broken -> assertThat(broken.position()).isEqualTo(1));
    }

    @Test
    void an_inserted_event_is_named() {
        ObjectNode export = export(5);
        entries(export).insert(3, entries(export).get(0).deepCopy());
        assertThat(verifier.verify(export)).isInstanceOfSatisfying(Verdict.Broken.class, broken -> {
            assertThat(broken.position()).isEqualTo(3);
            assertThat(broken.problem()).contains("inserted");
        });
    }

    @Test
    void another_key_is_refused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertThat(new ExportVerifier(generator.generateKeyPair().getPublic()).verify(export(2)).describe())
                .contains("signature does not verify");
    }

    @Test
    void the_command_line_reports_and_exits(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export.json");
        Path key = dir.resolve("key.pem");
        Files.writeString(export, export(3).toString());
        Files.writeString(key, PublicKeys.toPem(keys.getPublic()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String pinned = PublicKeys.fingerprint(keys.getPublic());
        assertThat(VerifyExport.run(new String[] {export.toString(), key.toString(), pinned}, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: 3 entries");
        Files.writeString(export, Files.readString(export).replace("AUTH", "SIGN"));
        assertThat(VerifyExport.run(new String[] {export.toString(), key.toString(), pinned}, new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("TAMPERED: entry #0");
        assertThat(VerifyExport.run(new String[] {export.toString()}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(VerifyExport.run(new String[] {export.toString(), key.toString()}, new PrintStream(out), new PrintStream(err)))
                .as("no pinned fingerprint, no verification").isEqualTo(2);
    }

    @Test
    @DisplayName("R-KEY-2: the verifier trusts a key only with the fingerprint the auditor pinned; another key is refused before anything is verified")
    void the_command_line_refuses_a_key_that_is_not_pinned(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair forger = generator.generateKeyPair();
        Path export = dir.resolve("export.json");
        Path forgedKey = dir.resolve("forged.pem");
        Files.writeString(export, export(2).toString());
        Files.writeString(forgedKey, PublicKeys.toPem(forger.getPublic()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String pinned = PublicKeys.fingerprint(keys.getPublic());

        assertThat(VerifyExport.run(new String[] {export.toString(), forgedKey.toString(), pinned}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("UNTRUSTED KEY").contains(PublicKeys.fingerprint(forger.getPublic()));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(PublicKeys.matches(keys.getPublic(), "SHA256:" + pinned.replace(":", "").toUpperCase())).isTrue();
        assertThat(pinned).matches("([0-9a-f]{2}:){31}[0-9a-f]{2}");
    }
}
