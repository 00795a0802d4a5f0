package jp.jpki.lifecycle.query.audit;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    AuditSigningKey auditSigningKey(AuditProperties properties, Clock clock, @Value("${jpki.data-dir:./data}") Path dataDir) {
        return AuditSigningKey.openOrCreate(properties.keystoreOrDefault(dataDir), properties.keystorePassword().toCharArray(), clock);
    }
}
