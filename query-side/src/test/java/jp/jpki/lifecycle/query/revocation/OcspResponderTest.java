package jp.jpki.lifecycle.query.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pki.CertifyOcspResponder;
import jp.jpki.lifecycle.api.pki.ResponderCertificate;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The responder's answers verify, also when HTTP threads ask at the same time (they share one responder key). */
class OcspResponderTest {

    private static final String SERIAL = "1f2e3d4c5b6a7988";

    private InMemoryMongo mongo;
    private OcspResponder responder;
    private X509CertificateHolder ca;
    private byte[] request;

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        KeyPair caKeys = rsa2048();
        ca = certify(new X500Name("C=JP, O=Test CA"), caKeys.getPublic(), caKeys, clock.instant());
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(CertifyOcspResponder.class.getName(), ResponderCertificate.class, message -> {
            byte[] key = Base64.getDecoder().decode(((CertifyOcspResponder) message.getPayload()).publicKeyDerBase64());
            PublicKey responderKey = java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(key));
            X509CertificateHolder issued = certify(new X500Name("C=JP, O=Test responder"), responderKey, caKeys, clock.instant());
            return new ResponderCertificate(Base64.getEncoder().encodeToString(issued.getEncoded()),
                    Base64.getEncoder().encodeToString(ca.getEncoded()));
        });
        mongo = new InMemoryMongo();
        RevocationStatusStore store = new RevocationStatusStore(mongo.template());
        new RevocationStatusProjection(store).on(new CertificatesIssued(new PairId("pair-0001"), "req-1",
                List.of(new IssuedCertificate(CertificateKind.AUTH, SERIAL, clock.instant(), LocalDate.parse("2031-11-14"), "MIIB")), 0));
        responder = new OcspResponder(store, DefaultQueryGateway.builder().queryBus(bus).build(), clock);
        request = new OCSPReqBuilder().addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), ca, new BigInteger(SERIAL, 16))).build().getEncoded();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    @DisplayName("R-REV-6: an issued certificate is good, in a response signed by a responder the CA certified")
    void good_and_signed() throws Exception {
        BasicOCSPResp response = verified(responder.respond(CertificateKind.AUTH, request));
        assertThat(response.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
    }

    @Test
    @DisplayName("R-REV-6: concurrent requests each get a correctly signed response")
    void concurrent_responses_verify() throws Exception {
        responder.respond(CertificateKind.AUTH, request);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                calls.add(() -> responder.respond(CertificateKind.AUTH, request));
            }
            for (Future<byte[]> answer : threads.invokeAll(calls)) {
                verified(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private BasicOCSPResp verified(byte[] encoded) throws Exception {
        OCSPResp response = new OCSPResp(encoded);
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        X509CertificateHolder signerCertificate = basic.getCerts()[0];
        assertThat(signerCertificate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca))).isTrue();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signerCertificate))).isTrue();
        return basic;
    }

    private static KeyPair rsa2048() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private X509CertificateHolder certify(X500Name subject, PublicKey key, KeyPair issuer, Instant now) throws Exception {
        X500Name issuerName = ca == null ? subject : ca.getSubject();
        return new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(2))), subject, key)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate()));
    }
}
