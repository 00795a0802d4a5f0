package jp.jpki.lifecycle.command.ca;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The certificate authority's settings ({@code jpki.ca.*}).
 *
 * @param keystore       PKCS#12 file holding both CA keys, created on first start; by default
 *                       {@code ca/jpki-ca.p12} under {@code jpki.data-dir}
 * @param password       keystore password; the default is for the embedded demo only — set it in production
 * @param publicBaseUrl  base URL of the PKI endpoints written into certificates (CRL distribution point, OCSP)
 */
@ConfigurationProperties(prefix = "jpki.ca")
public record CaProperties(Path keystore,
                           @DefaultValue("embedded-demo-only") String password,
                           @DefaultValue("http://localhost:8080") String publicBaseUrl) {

    Path keystoreOrDefault(Path dataDir) {
        return keystore != null ? keystore : dataDir.resolve("ca").resolve("jpki-ca.p12");
    }
}
