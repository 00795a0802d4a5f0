package jp.jpki.lifecycle.query.audit;

import java.nio.file.Path;
import java.time.Clock;
import jp.jpki.lifecycle.api.secrets.KeystorePassword;
import jp.jpki.lifecycle.audit.verify.PublicKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    /**
     * Opens the key and logs its fingerprint at every start: auditors pin it from this log (or the operator's
     * record of it), not from the system whose exports they check (docs/security.md).
     */
    @Bean
    AuditSigningKey auditSigningKey(AuditProperties properties, Clock clock, @Value("${jpki.data-dir:./data}") Path dataDir,
                                    Environment environment) {
        char[] password = KeystorePassword.resolve(properties.keystorePassword(),
                environment.acceptsProfiles(Profiles.of(KeystorePassword.DEMO_PROFILE)), "jpki.audit.keystore-password",
                AuditProperties.DEMO_PASSWORD);
        AuditSigningKey key = AuditSigningKey.openOrCreate(properties.keystoreOrDefault(dataDir), password, clock);
        log.info("audit export signing key SHA-256 fingerprint: {}", PublicKeys.fingerprint(key.publicKey()));
        return key;
    }
}
