package jp.jpki.lifecycle.command.ca;

import java.nio.file.Path;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The certificate authority's settings ({@code jpki.ca.*}).
 *
 * @param keystore       PKCS#12 file holding both CA keys, created on first start; by default
 *                       {@code ca/jpki-ca.p12} under {@code jpki.data-dir}
 * @param password       keystore password; required outside the {@code demo} profile, where a blank one means
 *                       the published {@link #DEMO_PASSWORD}
 * @param publicBaseUrl  base URL of the PKI endpoints written into certificates (CRL distribution point, OCSP)
 * @param ocspResponders the OCSP responders whose keys the CA certifies, by the id they register with
 */
@ConfigurationProperties(prefix = "jpki.ca")
public record CaProperties(Path keystore,
                           String password,
                           @DefaultValue("http://localhost:8080") String publicBaseUrl,
                           @DefaultValue("query-side") Set<String> ocspResponders) {

    static final String DEMO_PASSWORD = "embedded-demo-only";

    Path keystoreOrDefault(Path dataDir) {
        return keystore != null ? keystore : dataDir.resolve("ca").resolve("jpki-ca.p12");
    }
}
