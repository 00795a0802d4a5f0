package jp.jpki.lifecycle.command.ca;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import jp.jpki.lifecycle.api.card.CaCertificateSet;
import jp.jpki.lifecycle.api.card.GetCaCertificates;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The CA beans, and the query that gives the card gateway the CA certificates to write beside the holder's. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaProperties.class)
public class CaConfiguration {

    @Bean
    CaKeyStore caKeyStore(CaProperties properties, Clock clock) {
        return CaKeyStore.openOrCreate(properties.keystore(), properties.password().toCharArray(), clock);
    }

    @Bean
    CertificateAuthority certificateAuthority(CaKeyStore cas, Clock clock, CaProperties properties) {
        return new CertificateAuthority(cas, clock, new SecureRandom(), properties.publicBaseUrl());
    }

    @Component
    static class CaCertificateQueries {
        private final CertificateAuthority ca;

        CaCertificateQueries(CertificateAuthority ca) {
            this.ca = ca;
        }

        @QueryHandler
        CaCertificateSet handle(GetCaCertificates query) {
            return new CaCertificateSet(Map.of(
                    CertificateKind.SIGN, ca.caCertificateDerBase64(CertificateKind.SIGN),
                    CertificateKind.AUTH, ca.caCertificateDerBase64(CertificateKind.AUTH)));
        }
    }
}
