package jp.jpki.lifecycle.standalone.audit;

import static jp.jpki.lifecycle.standalone.StandaloneApp.AUDITOR;
import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.jpki.lifecycle.audit.verify.PublicKeys;
import jp.jpki.lifecycle.audit.verify.VerifyExport;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auditor's day: read a pair's history with a reason, export it signed, verify the export offline with
 * only the public key, see a tampered copy rejected at the right entry, and find their own reads recorded.
 */
class AuditExportTest {

    private static final String PAIR = "audit-pair-0001";

    @TempDir
    Path dir;

    @Test
    void history_export_offline_verification_and_the_read_log() throws Exception {
        try (StandaloneApp app = StandaloneApp.start(dir.resolve("data"))) {
            app.issueAndAwait(PAIR);
            assertThat(app.post(CLERK, "/api/certificate-pairs/" + PAIR + "/pin-locks", "{\"kind\":\"AUTH\"}").statusCode()).isEqualTo(200);

            String history = "/api/audit/certificate-pairs/" + PAIR + "/history";
            assertThat(app.get(AUDITOR, history).statusCode()).as("a read needs a reason").isEqualTo(400);
            assertThat(app.get(CLERK, history + "?reason=curious").statusCode()).as("clerks read no audit trail").isEqualTo(403);
            assertThat(app.get(AUDITOR, "/api/audit/certificate-pairs/unknown-pair-01/history?reason=check").statusCode()).isEqualTo(404);
            JsonNode entries = app.await(AUDITOR, history + "?reason=annual%20inspection",
                    body -> body.size() >= 5 && body.get(body.size() - 1).path("type").asText().equals("PinLocked"), "the full history");
            JsonNode first = entries.get(0);
            assertThat(first.path("type").asText()).isEqualTo("IssuanceRequested");
            assertThat(first.at("/event/metadata/operatorId").asText()).as("who").isEqualTo("clerk");
            assertThat(first.at("/event/metadata/officeId").asText()).as("where").isEqualTo("setagaya-main");
            assertThat(first.at("/event/metadata/terminalId").asText()).isEqualTo("embedded-terminal");
            assertThat(first.at("/event/metadata/correlationId").asText()).isNotBlank();

            Path export = dir.resolve("export.json");
            Files.writeString(export, app.get(AUDITOR, "/api/audit/certificate-pairs/" + PAIR + "/export?reason=handover%20to%20inspector").body());
            Path key = dir.resolve("audit-public-key.pem");
            Files.writeString(key, app.get(AUDITOR, "/api/audit/public-key").body());

            assertThat(verify(export, key)).startsWith("0 OK: " + entries.size() + " entries of pair " + PAIR);
            Path tampered = dir.resolve("tampered.json");
            Files.writeString(tampered, Files.readString(export).replace("\\\"type\\\":\\\"PinLocked\\\"", "\\\"type\\\":\\\"PinReset\\\""));
            assertThat(Files.readString(tampered)).isNotEqualTo(Files.readString(export));
            assertThat(verify(tampered, key)).startsWith("1 TAMPERED: entry #" + (entries.size() - 1));

            JsonNode reads = app.await(AUDITOR, "/api/audit/reads?pairId=" + PAIR,
                    body -> body.findValuesAsText("reason").containsAll(java.util.List.of("annual inspection", "handover to inspector")),
                    "the reads in the read log's hash chain");
            assertThat(reads.findValuesAsText("hash")).allSatisfy(hash -> assertThat(hash).hasSize(64));
            assertThat(reads.findValuesAsText("reader")).containsOnly(AUDITOR);
        }
    }

    private static String verify(Path export, Path key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String pinned;
        try {
            pinned = PublicKeys.fingerprint(PublicKeys.fromPem(Files.readString(key)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int status = VerifyExport.run(new String[] {export.toString(), key.toString(), pinned},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + " " + out.toString(StandardCharsets.UTF_8).trim();
    }
}
