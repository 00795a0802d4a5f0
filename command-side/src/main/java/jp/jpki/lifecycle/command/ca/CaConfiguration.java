package jp.jpki.lifecycle.command.ca;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jp.jpki.lifecycle.api.card.CaCertificateSet;
import jp.jpki.lifecycle.api.card.GetCaCertificates;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import jp.jpki.lifecycle.api.pki.CertifyOcspResponder;
import jp.jpki.lifecycle.api.pki.GetLatestCrl;
import jp.jpki.lifecycle.api.pki.ResponderCertificate;
import jp.jpki.lifecycle.api.pki.SignCrl;
import jp.jpki.lifecycle.api.pki.SignedCrl;
import jp.jpki.lifecycle.api.secrets.KeystorePassword;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The CA beans, and the queries it answers: the CA certificates (written to the card beside the holder's), CRL
 * signing and OCSP responder certificates for the read model's revocation status. Signing requests are answered
 * only for the component entitled to them ({@link SystemOrigin#QUERY_SIDE}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaProperties.class)
public class CaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaConfiguration.class);
    /** Below this, certificates issued now may be shortened to the CA's end: time to plan a new CA (docs/security.md). */
    private static final Duration CA_LIFETIME_WARNING = Duration.ofDays(10 * 366);

    @Bean
    CaKeyStore caKeyStore(CaProperties properties, Clock clock, @Value("${jpki.data-dir:./data}") Path dataDir, Environment environment) {
        char[] password = KeystorePassword.resolve(properties.password(), environment.acceptsProfiles(Profiles.of(KeystorePassword.DEMO_PROFILE)),
                "jpki.ca.password", CaProperties.DEMO_PASSWORD);
        CaKeyStore cas = CaKeyStore.openOrCreate(properties.keystoreOrDefault(dataDir), password, clock);
        for (CertificateKind kind : CertificateKind.values()) {
            Instant notAfter = cas.get(kind).certificate().getNotAfter().toInstant();
            if (Duration.between(clock.instant(), notAfter).compareTo(CA_LIFETIME_WARNING) < 0) {
                log.warn("the {} CA certificate expires at {}: certificates issued now end there, not at their own term", kind, notAfter);
            }
        }
        return cas;
    }

    @Bean
    CertificateAuthority certificateAuthority(CaKeyStore cas, Clock clock, CaProperties properties) {
        return new CertificateAuthority(cas, clock, new SecureRandom(), properties.publicBaseUrl());
    }

    @Bean
    CaLedger caLedger(DataSource dataSource, PlatformTransactionManager transactions, EventStore eventStore, Serializer serializer) {
        return new CaLedger(CaTables.create(dataSource), transactions, eventStore, serializer);
    }

    @Bean
    CaLedgerFollower caLedgerFollower(CaLedger ledger) {
        return new CaLedgerFollower(ledger);
    }

    @Bean
    RevocationSigner revocationSigner(CaKeyStore cas, CaLedger ledger, DataSource dataSource, CaProperties properties, Clock clock) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new RevocationSigner(cas, ledger, new CaCrls(jdbc, clock), new OcspResponderRegistry(jdbc), properties.ocspResponders(),
                clock, new SecureRandom());
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
        SignedCrl handle(SignCrl query, @MetaDataValue(MetadataKeys.ORIGIN) String origin) {
            entitled(origin, query);
            return revocation.sign(query);
        }

        @QueryHandler
        Optional<SignedCrl> handle(GetLatestCrl query) {
            return revocation.latest(query.kind());
        }

        @QueryHandler
        ResponderCertificate handle(CertifyOcspResponder query, @MetaDataValue(MetadataKeys.ORIGIN) String origin) {
            entitled(origin, query);
            return revocation.certify(query);
        }

        @QueryHandler
        CaCertificateSet handle(GetCaCertificates query) {
            return new CaCertificateSet(Map.of(
                    CertificateKind.SIGN, ca.caCertificateDerBase64(CertificateKind.SIGN),
                    CertificateKind.AUTH, ca.caCertificateDerBase64(CertificateKind.AUTH)));
        }

        private static void entitled(String origin, Object query) {
            if (!SystemOrigin.QUERY_SIDE.name().equals(origin)) {
                log.warn("CA signing refused: {} came from {}, not from the query side", query.getClass().getSimpleName(),
                        origin == null ? "no named origin" : origin);
                throw new SigningRefusedException(query.getClass().getSimpleName() + " is answered for the query side only");
            }
        }
    }
}
