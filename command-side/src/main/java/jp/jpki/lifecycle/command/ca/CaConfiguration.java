package jp.jpki.lifecycle.command.ca;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import jp.jpki.lifecycle.api.card.CaCertificateSet;
import jp.jpki.lifecycle.api.card.GetCaCertificates;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pki.CertifyOcspResponder;
import jp.jpki.lifecycle.api.pki.ResponderCertificate;
import jp.jpki.lifecycle.api.pki.SignCrl;
import jp.jpki.lifecycle.api.pki.SignedCrl;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The CA beans, and the queries it answers: the CA certificates (written to the card beside the holder's), CRL
 * signing and OCSP responder certificates for the read model's revocation status.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaProperties.class)
public class CaConfiguration {

    @Bean
    CaKeyStore caKeyStore(CaProperties properties, Clock clock, @Value("${jpki.data-dir:./data}") Path dataDir) {
        return CaKeyStore.openOrCreate(properties.keystoreOrDefault(dataDir), properties.password().toCharArray(), clock);
    }

    @Bean
    CertificateAuthority certificateAuthority(CaKeyStore cas, Clock clock, CaProperties properties) {
        return new CertificateAuthority(cas, clock, new SecureRandom(), properties.publicBaseUrl());
    }

    @Bean
    RevocationSigner revocationSigner(CaKeyStore cas, Clock clock) {
        return new RevocationSigner(cas, clock, new SecureRandom());
    }

    @Component
    static class CaQueries {
        private final CertificateAuthority ca;
        private final RevocationSigner revocation;

        CaQueries(CertificateAuthority ca, RevocationSigner revocation) {
            this.ca = ca;
            this.revocation = revocation;
        }

        @QueryHandler
        SignedCrl handle(SignCrl query) {
            return revocation.sign(query);
        }

        @QueryHandler
        ResponderCertificate handle(CertifyOcspResponder query) {
            return revocation.certify(query);
        }

        @QueryHandler
        CaCertificateSet handle(GetCaCertificates query) {
            return new CaCertificateSet(Map.of(
                    CertificateKind.SIGN, ca.caCertificateDerBase64(CertificateKind.SIGN),
                    CertificateKind.AUTH, ca.caCertificateDerBase64(CertificateKind.AUTH)));
        }
    }
}
