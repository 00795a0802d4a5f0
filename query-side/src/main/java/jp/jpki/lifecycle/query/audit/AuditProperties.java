package jp.jpki.lifecycle.query.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the audit export signing key lives ({@code jpki.audit.*}); without a keystore path it is
 * {@code audit/audit-signing.p12} under {@code jpki.data-dir}. The default password is for the embedded demo;
 * production sets its own.
 */
@ConfigurationProperties(prefix = "jpki.audit")
record AuditProperties(Path keystore, @DefaultValue("audit-demo") String keystorePassword) {

    Path keystoreOrDefault(Path dataDir) {
        return keystore != null ? keystore : dataDir.resolve("audit").resolve("audit-signing.p12");
    }
}
