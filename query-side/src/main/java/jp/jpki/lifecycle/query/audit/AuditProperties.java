package jp.jpki.lifecycle.query.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the audit export signing key lives ({@code jpki.audit.*}); without a keystore path it is
 * {@code audit/audit-signing.p12} under {@code jpki.data-dir}. The password is required outside the {@code demo}
 * profile, where a blank one means the published {@link #DEMO_PASSWORD}.
 */
@ConfigurationProperties(prefix = "jpki.audit")
record AuditProperties(Path keystore, String keystorePassword) {

    static final String DEMO_PASSWORD = "audit-demo";

    Path keystoreOrDefault(Path dataDir) {
        return keystore != null ? keystore : dataDir.resolve("audit").resolve("audit-signing.p12");
    }
}
