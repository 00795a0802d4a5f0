package jp.jpki.lifecycle.command.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import jp.jpki.lifecycle.api.pki.CertifyOcspResponder;
import jp.jpki.lifecycle.api.pki.CrlEntry;
import jp.jpki.lifecycle.api.pki.ResponderCertificate;
import jp.jpki.lifecycle.api.pki.SignCrl;
import jp.jpki.lifecycle.api.pki.SignedCrl;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The CA signs CRLs and responder certificates only as its own record, read from the event store, backs them. */
class RevocationSignerTest {

    private static final Instant AT = Instant.parse("2027-06-01T01:00:00Z");
    private static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);
    private static final PairId PAIR = new PairId("pair-0001");

    @TempDir
    static Path dir;
    private static CaKeyStore cas;

    private DriverManagerDataSource dataSource;
    private EmbeddedEventStore events;
    private long sequence;
    private RevocationSigner signer;

    @BeforeAll
    static void createCa() {
        cas = CaKeyStore.openOrCreate(dir.resolve("ca.p12"), "test-only-password".toCharArray(), CLOCK);
    }

    @BeforeEach
    void start() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:ca-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        publish(new CertificatesIssued(PAIR, "req-1", List.of(issued("a1"), issued("a2"), issued("a3")), 0));
        publish(new CertificateHeld(PAIR, CertificateKind.SIGN, "a1", AT));
        publish(new CertificateRevoked(PAIR, CertificateKind.SIGN, "a2", RevocationReason.KEY_COMPROMISE, AT.plusSeconds(60)));
        signer = signer(events);
    }

    @AfterEach
    void stop() {
        events.shutDown();
        new JdbcTemplate(dataSource).execute("SHUTDOWN");
    }

    @Test
    @DisplayName("R-CAS-1: a CRL listing exactly the CA's revoked and held certificates is signed, with their reasons")
    void honest_list_is_signed() throws Exception {
        X509CRL crl = crl(signer.sign(new SignCrl(CertificateKind.SIGN, honest())));
        crl.verify(cas.get(CertificateKind.SIGN).certificate().getPublicKey());
        assertThat(crl.getRevokedCertificates()).extracting(X509CRLEntry::getSerialNumber)
                .containsExactlyInAnyOrder(new BigInteger("a1", 16), new BigInteger("a2", 16));
        assertThat(crl.getRevokedCertificate(new BigInteger("a1", 16)).getRevocationReason()).hasToString("CERTIFICATE_HOLD");
    }

    @Test
    @DisplayName("R-CAS-1: a forged SignCrl that leaves out a revoked serial is refused and nothing is signed")
    void omitted_serial_is_refused() {
        assertThatThrownBy(() -> signer.sign(new SignCrl(CertificateKind.SIGN, honest().subList(0, 1))))
                .isInstanceOf(SigningRefusedException.class).hasMessageContaining("1 revoked or held certificate(s) missing");
        assertThat(signer.latest(CertificateKind.SIGN)).isEmpty();
    }

    @Test
    @DisplayName("R-CAS-1: a forged SignCrl that adds a serial never revoked, or changes a reason, is refused and nothing is signed")
    void added_serial_is_refused() {
        List<CrlEntry> added = new ArrayList<>(honest());
        added.add(new CrlEntry("a3", AT, RevocationReason.KEY_COMPROMISE));
        assertThatThrownBy(() -> signer.sign(new SignCrl(CertificateKind.SIGN, added)))
                .isInstanceOf(SigningRefusedException.class).hasMessageContaining("1 listed that the CA has not revoked or held");
        List<CrlEntry> changed = List.of(new CrlEntry("a1", AT, RevocationReason.KEY_COMPROMISE), honest().get(1));
        assertThatThrownBy(() -> signer.sign(new SignCrl(CertificateKind.SIGN, changed)))
                .isInstanceOf(SigningRefusedException.class).hasMessageContaining("1 with another reason or date");
        assertThat(signer.latest(CertificateKind.SIGN)).isEmpty();
    }

    @Test
    @DisplayName("R-CAS-2: no CRL is signed while the CA's record has not read the event store up to its head")
    void not_caught_up_is_refused() {
        EmbeddedEventStore ahead = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine() {
            @Override
            public TrackingToken createHeadToken() {
                return new GlobalSequenceTrackingToken(1_000);
            }
        }).build();
        try {
            assertThatThrownBy(() -> signer(ahead).sign(new SignCrl(CertificateKind.SIGN, List.of())))
                    .isInstanceOf(SigningRefusedException.class).hasMessageContaining("not read the event store up to its head");
        } finally {
            ahead.shutDown();
        }
    }

    @Test
    @DisplayName("R-CAS-3: CRL numbers only grow, across a restart and a rebuild of the CA's record; a held certificate stays listed")
    void crl_numbers_grow_across_restart_and_rebuild() throws Exception {
        long first = signer.sign(new SignCrl(CertificateKind.SIGN, honest())).crlNumber();
        long afterRestart = signer(events).sign(new SignCrl(CertificateKind.SIGN, honest())).crlNumber();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM ca_certificate");
        jdbc.update("DELETE FROM ca_ledger_position");
        SignedCrl afterRebuild = signer(events).sign(new SignCrl(CertificateKind.SIGN, honest()));

        assertThat(afterRestart).isGreaterThan(first);
        assertThat(afterRebuild.crlNumber()).isGreaterThan(afterRestart);
        assertThat(crl(afterRebuild).getRevokedCertificate(new BigInteger("a1", 16))).as("still held after the rebuild").isNotNull();
        assertThat(signer.latest(CertificateKind.SIGN)).hasValueSatisfying(latest ->
                assertThat(latest.crlNumber()).isEqualTo(afterRebuild.crlNumber()));
    }

    @Test
    @DisplayName("R-CAS-4: a responder key is certified only with proof of possession, for a responder the CA knows, freshly signed")
    void responder_needs_proof_of_possession() throws Exception {
        KeyPair key = rsa();
        ResponderCertificate certified = signer.certify(registration(key, key, "query-side", AT));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certified.certificateDerBase64())));
        assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=query-side");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");

        assertThatThrownBy(() -> signer.certify(registration(rsa(), key, "query-side", AT)))
                .isInstanceOf(SigningRefusedException.class).hasMessageContaining("not signed with the key it registers");
        assertThatThrownBy(() -> signer.certify(registration(key, key, "someone-else", AT)))
                .isInstanceOf(SigningRefusedException.class).hasMessageContaining("not an OCSP responder");
        assertThatThrownBy(() -> signer.certify(registration(key, key, "query-side", AT.minusSeconds(3600))))
                .isInstanceOf(SigningRefusedException.class).hasMessageContaining("not fresh");
    }

    @Test
    @DisplayName("R-CAS-4: one responder key per CA at a time: a new registration replaces the one before")
    void one_responder_key_at_a_time() throws Exception {
        OcspResponderRegistry registry = new OcspResponderRegistry(new JdbcTemplate(dataSource));
        KeyPair first = rsa();
        KeyPair second = rsa();
        signer.certify(registration(first, first, "query-side", AT));
        String firstKey = registry.current(CertificateKind.SIGN).orElseThrow().keySha256();
        signer.certify(registration(second, second, "query-side", AT));
        assertThat(registry.current(CertificateKind.SIGN).orElseThrow().keySha256()).isNotEqualTo(firstKey);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM ca_ocsp_responder WHERE kind = 'SIGN'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("R-CAS-4: CRL signing and responder certificates are answered for the query side only")
    void only_for_the_query_side() throws Exception {
        CaConfiguration.CaQueries queries = new CaConfiguration.CaQueries(
                new CertificateAuthority(cas, CLOCK, new SecureRandom(), "http://pki.test"), signer);
        assertThatThrownBy(() -> queries.handle(new SignCrl(CertificateKind.SIGN, honest()), null))
                .isInstanceOf(SigningRefusedException.class);
        assertThatThrownBy(() -> queries.handle(new SignCrl(CertificateKind.SIGN, honest()), SystemOrigin.CARD_GATEWAY.name()))
                .isInstanceOf(SigningRefusedException.class);
        KeyPair key = rsa();
        assertThatThrownBy(() -> queries.handle(registration(key, key, "query-side", AT), null))
                .isInstanceOf(SigningRefusedException.class);
        assertThat(signer.latest(CertificateKind.SIGN)).isEmpty();
        assertThat(queries.handle(new SignCrl(CertificateKind.SIGN, honest()), SystemOrigin.QUERY_SIDE.name()).crlNumber()).isPositive();
        assertThat(MetadataKeys.ORIGIN).isEqualTo("origin");
    }

    private RevocationSigner signer(EmbeddedEventStore store) {
        CaLedger ledger = new CaLedger(CaTables.create(dataSource), new DataSourceTransactionManager(dataSource), store,
                JacksonSerializer.defaultSerializer());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new RevocationSigner(cas, ledger, new CaCrls(jdbc, CLOCK), new OcspResponderRegistry(jdbc), Set.of("query-side"),
                CLOCK, new SecureRandom());
    }

    private static List<CrlEntry> honest() {
        return List.of(new CrlEntry("a1", AT, RevocationReason.CERTIFICATE_HOLD),
                new CrlEntry("a2", AT.plusSeconds(60), RevocationReason.KEY_COMPROMISE));
    }

    private void publish(Object event) {
        events.publish(new GenericDomainEventMessage<>("CertificatePair", PAIR.value(), sequence++, event));
    }

    private static IssuedCertificate issued(String serial) {
        return new IssuedCertificate(CertificateKind.SIGN, serial, AT, LocalDate.parse("2031-11-14"), "MIIB");
    }

    private static X509CRL crl(SignedCrl signed) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(Base64.getDecoder().decode(signed.derBase64())));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static CertifyOcspResponder registration(KeyPair registered, KeyPair signing, String responderId, Instant at) throws Exception {
        CertifyOcspResponder unsigned = new CertifyOcspResponder(CertificateKind.SIGN, responderId,
                Base64.getEncoder().encodeToString(registered.getPublic().getEncoded()), at, null);
        Signature proof = Signature.getInstance(CertifyOcspResponder.PROOF_ALGORITHM);
        proof.initSign(signing.getPrivate());
        proof.update(unsigned.signedContent());
        return new CertifyOcspResponder(CertificateKind.SIGN, responderId, unsigned.publicKeyDerBase64(), at,
                Base64.getEncoder().encodeToString(proof.sign()));
    }
}
