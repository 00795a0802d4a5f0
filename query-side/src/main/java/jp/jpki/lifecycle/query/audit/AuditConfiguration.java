package jp.jpki.lifecycle.query.audit;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    AuditSigningKey auditSigningKey(AuditProperties properties, Clock clock) {
        return AuditSigningKey.openOrCreate(properties.keystore(), properties.keystorePassword().toCharArray(), clock);
    }
}
