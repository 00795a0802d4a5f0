package jp.jpki.lifecycle.query.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the audit export signing key lives ({@code jpki.audit.*}). The default password is for the embedded
 * demo; production sets its own.
 */
@ConfigurationProperties(prefix = "jpki.audit")
record AuditProperties(@DefaultValue("${jpki.data-dir:./data}/audit/audit-signing.p12") Path keystore,
                       @DefaultValue("audit-demo") String keystorePassword) {
}
