package jp.jpki.lifecycle.standalone.pki;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static jp.jpki.lifecycle.standalone.StandaloneApp.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild of the revocation statuses, or a restart, never makes the CRL forget a held certificate. */
class CrlThroughRebuildTest {

    private static final String PAIR = "crl-rebuild-0001";

    @TempDir
    Path dir;

    @Test
    @DisplayName("R-REV-7, R-CAS-3: through a rebuild and a restart every CRL served lists the held certificate, and CRL numbers grow")
    void held_certificate_stays_on_the_crl() throws Exception {
        Path data = dir.resolve("data");
        BigInteger serial;
        long before;
        try (StandaloneApp app = StandaloneApp.start(data)) {
            serial = new BigInteger(issue(app).serialHex(), 16);
            assertThat(app.post(CLERK, "/api/certificate-pairs/" + PAIR + "/loss-reports", "{}").statusCode()).isEqualTo(200);
            X509CRL listed = until(app, crl -> crl.getRevokedCertificate(serial) != null, "the hold on the CRL");
            before = number(listed);

            HttpResponse<String> rebuild = app.send(app.request(SUPERVISOR, "/api/admin/projections/revocation-status/rebuild")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            X509CRL crl;
            do {
                crl = crl(app);
                assertThat(crl.getRevokedCertificate(serial)).as("listed during the rebuild").isNotNull();
                assertThat(number(crl)).isGreaterThanOrEqualTo(before);
            } while (number(crl) == before && System.nanoTime() < deadline);
            assertThat(number(crl)).as("a new CRL once the rebuilt statuses serve").isGreaterThan(before);
            before = number(crl);
        }
        try (StandaloneApp restarted = StandaloneApp.start(data)) {
            X509CRL after = until(restarted, crl -> number(crl) > 0, "a CRL after the restart");
            assertThat(after.getRevokedCertificate(serial)).isNotNull();
            assertThat(number(after)).isGreaterThanOrEqualTo(before);
            long last = before;
            X509CRL fresh = until(restarted, crl -> number(crl) > last, "a CRL signed after the restart");
            assertThat(fresh.getRevokedCertificate(serial)).isNotNull();
        }
    }

    private static IssuedCertificate issue(StandaloneApp app) {
        app.issueAndAwait(PAIR);
        return app.bean(EventStore.class).readEvents(PAIR).asStream()
                .filter(event -> event.getPayload() instanceof CertificatesIssued)
                .flatMap(event -> ((CertificatesIssued) event.getPayload()).certificates().stream())
                .filter(certificate -> certificate.kind() == CertificateKind.SIGN).findFirst().orElseThrow();
    }

    private interface Check {
        boolean holds(X509CRL crl) throws Exception;
    }

    private static X509CRL until(StandaloneApp app, Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<byte[]> answer = app.send(app.request(CLERK, "/pki/sign/crl").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() == 200) {
                X509CRL crl = parse(answer.body());
                if (check.holds(crl)) {
                    return crl;
                }
            }
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static X509CRL crl(StandaloneApp app) throws Exception {
        HttpResponse<byte[]> answer = app.send(app.request(CLERK, "/pki/sign/crl").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return parse(answer.body());
    }

    private static X509CRL parse(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    private static long number(X509CRL crl) throws Exception {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getValue().longValueExact();
    }
}
