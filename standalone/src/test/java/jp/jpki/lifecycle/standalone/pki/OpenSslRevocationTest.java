package jp.jpki.lifecycle.standalone.pki;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R-REV-6 with a client nobody here wrote: the openssl command line asks our OCSP responder and checks
 * certificates against our CRL, before and after a revocation.
 */
class OpenSslRevocationTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void opensslPresent() {
        boolean present = new java.io.File("/usr/bin/openssl").canExecute();
        String reason = "openssl is not installed (scripts/deps/openssl.sh installs it)";
        if (Boolean.getBoolean("pcsc.required")) {
            assertThat(present).as(reason).isTrue();
        }
        Assumptions.assumeTrue(present, reason);
    }

    @Test
    @DisplayName("R-REV-6, R-REV-1: openssl sees good, then revoked (keyCompromise) by OCSP within seconds, and the CRL rejects the revoked certificate")
    void openssl_checks_ocsp_and_crl() throws Exception {
        try (StandaloneApp app = StandaloneApp.start(dir.resolve("data"))) {
            IssuedCertificate lost = issue(app, "ossl-pair-0001");
            IssuedCertificate kept = issue(app, "ossl-pair-0002");
            Path ca = pem(app.send(app.request(CLERK, "/pki/auth/ca.crt").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body(), "CERTIFICATE", "ca.pem");
            Path lostPem = pem(Base64.getDecoder().decode(lost.derBase64()), "CERTIFICATE", "lost.pem");
            Path keptPem = pem(Base64.getDecoder().decode(kept.derBase64()), "CERTIFICATE", "kept.pem");
            String ocspUrl = app.baseUrl() + "/pki/auth/ocsp";

            String good = ocspUntil(": good", ca, lostPem, ocspUrl);
            assertThat(good).contains(lostPem + ": good", "Response verify OK");

            assertThat(app.post(CLERK, "/api/certificate-pairs/ossl-pair-0001/revocations",
                    "{\"kinds\":[\"AUTH\"],\"cause\":\"LOSS\"}").statusCode()).isEqualTo(200);
            long revokedAt = System.nanoTime();
            String revoked = ocspUntil(": revoked", ca, lostPem, ocspUrl);
            assertThat(revoked).contains(lostPem + ": revoked", "Reason: keyCompromise", "Response verify OK");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - revokedAt)).as("within seconds").isLessThan(10);

            Path crlDer = dir.resolve("auth.crl");
            Files.write(crlDer, app.send(app.request(CLERK, "/pki/auth/crl").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
            String crlText = openssl("crl", "-inform", "DER", "-in", crlDer.toString(), "-noout", "-text");
            assertThat(crlText).containsIgnoringCase(lost.serialHex()).contains("Key Compromise", "X509v3 CRL Number",
                    "Next Update");
            assertThat(crlText).doesNotContainIgnoringCase(kept.serialHex());
            Path crlPem = dir.resolve("auth-crl.pem");
            openssl("crl", "-inform", "DER", "-in", crlDer.toString(), "-out", crlPem.toString());
            assertThat(openssl("verify", "-crl_check", "-CAfile", ca.toString(), "-CRLfile", crlPem.toString(), lostPem.toString()))
                    .contains("certificate revoked");
            assertThat(openssl("verify", "-crl_check", "-CAfile", ca.toString(), "-CRLfile", crlPem.toString(), keptPem.toString()))
                    .contains(keptPem + ": OK");

            HttpResponse<byte[]> garbage = app.send(app.request(CLERK, "/pki/auth/ocsp").header("Content-Type", "application/ocsp-request")
                    .POST(HttpRequest.BodyPublishers.ofString("not a request")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(garbage.statusCode()).as("RFC 6960: errors are OCSP responses, not HTTP errors").isEqualTo(200);
            assertThat(new org.bouncycastle.cert.ocsp.OCSPResp(garbage.body()).getStatus())
                    .isEqualTo(org.bouncycastle.cert.ocsp.OCSPRespBuilder.MALFORMED_REQUEST);
        }
    }

    /** The read model follows the events within moments; ask until it has, for at most ten seconds. */
    private static String ocspUntil(String expected, Path ca, Path certificate, String url) throws Exception {
        long start = System.nanoTime();
        String answer = "";
        while (!answer.contains(expected) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
            answer = openssl("ocsp", "-issuer", ca.toString(), "-cert", certificate.toString(), "-url", url, "-CAfile", ca.toString());
        }
        return answer;
    }

    private static IssuedCertificate issue(StandaloneApp app, String pairId) {
        app.issueAndAwait(pairId);
        return app.bean(EventStore.class).readEvents(pairId).asStream()
                .filter(event -> event.getPayload() instanceof CertificatesIssued)
                .flatMap(event -> ((CertificatesIssued) event.getPayload()).certificates().stream())
                .filter(certificate -> certificate.kind() == CertificateKind.AUTH).findFirst().orElseThrow();
    }

    private Path pem(byte[] der, String type, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n");
        return file;
    }

    private static String openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
