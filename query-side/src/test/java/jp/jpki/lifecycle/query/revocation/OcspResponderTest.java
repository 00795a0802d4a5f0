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
import java.util.concurrent.atomic.AtomicLong;
import java.security.Signature;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import org.axonframework.queryhandling.QueryMessage;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
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
    private static final String REVOKED = "7a7a7a7a";

    private InMemoryMongo mongo;
    private RevocationStatusStore store;
    private RevocationStatusFollower follower;
    private RevocationStatusProjection projection;
    private final AtomicLong position = new AtomicLong();
    private final AtomicLong head = new AtomicLong();
    private final List<QueryMessage<?, ?>> registrations = new ArrayList<>();
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
            CertifyOcspResponder registration = (CertifyOcspResponder) message.getPayload();
            registrations.add(message);
            byte[] key = Base64.getDecoder().decode(registration.publicKeyDerBase64());
            PublicKey responderKey = java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(key));
            X509CertificateHolder issued = certify(new X500Name("C=JP, O=Test responder"), responderKey, caKeys, clock.instant());
            return new ResponderCertificate(Base64.getEncoder().encodeToString(issued.getEncoded()),
                    Base64.getEncoder().encodeToString(ca.getEncoded()));
        });
        mongo = new InMemoryMongo();
        store = new RevocationStatusStore(mongo.template());
        follower = new RevocationStatusFollower(store, position::get, head::get);
        follower.follow();
        projection = new RevocationStatusProjection(store);
        projection.on(new CertificatesIssued(new PairId("pair-0001"), "req-1",
                List.of(new IssuedCertificate(CertificateKind.AUTH, SERIAL, clock.instant(), LocalDate.parse("2031-11-14"), "MIIB")), 0));
        responder = new OcspResponder(store, follower, DefaultQueryGateway.builder().queryBus(bus).build(), clock);
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

    @Test
    @DisplayName("R-CAS-4: the responder registers its key signed with that key, as the query side, under its responder id")
    void registration_proves_possession() throws Exception {
        responder.respond(CertificateKind.AUTH, request);
        assertThat(registrations).hasSize(1);
        QueryMessage<?, ?> message = registrations.get(0);
        assertThat(message.getMetaData()).containsEntry(MetadataKeys.ORIGIN, SystemOrigin.QUERY_SIDE.name());
        CertifyOcspResponder registration = (CertifyOcspResponder) message.getPayload();
        assertThat(registration.responderId()).isEqualTo(OcspResponder.RESPONDER_ID);
        Signature proof = Signature.getInstance(CertifyOcspResponder.PROOF_ALGORITHM);
        proof.initVerify(java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(registration.publicKeyDerBase64()))));
        proof.update(registration.signedContent());
        assertThat(proof.verify(Base64.getDecoder().decode(registration.proofOfPossession()))).isTrue();
    }

    @Test
    @DisplayName("R-REV-8: while the statuses are rebuilt, a good or unknown serial gets tryLater, a revoked one its revocation")
    void rebuild_answers_try_later_not_unknown() throws Exception {
        projection.on(new CertificatesIssued(new PairId("pair-0002"), "req-2",
                List.of(new IssuedCertificate(CertificateKind.AUTH, REVOKED, Instant.now(), LocalDate.parse("2031-11-14"), "MIIB")), 0));
        projection.on(new CertificateRevoked(new PairId("pair-0002"), CertificateKind.AUTH, REVOKED, RevocationReason.KEY_COMPROMISE,
                Instant.parse("2027-06-01T01:00:00Z")));
        head.set(5);
        projection.reset();
        follower.follow();

        assertThat(new OCSPResp(responder.respond(CertificateKind.AUTH, request)).getStatus()).isEqualTo(OCSPResp.TRY_LATER);
        assertThat(new OCSPResp(responder.respond(CertificateKind.AUTH, requestFor("abcdef"))).getStatus()).isEqualTo(OCSPResp.TRY_LATER);
        BasicOCSPResp revoked = verified(responder.respond(CertificateKind.AUTH, requestFor(REVOKED)));
        assertThat(revoked.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    @DisplayName("R-REV-8: a serial not known while the projection is behind gets tryLater; once caught up, unknown")
    void behind_answers_try_later_for_unknown() throws Exception {
        head.set(3);
        assertThat(new OCSPResp(responder.respond(CertificateKind.AUTH, requestFor("abcdef"))).getStatus()).isEqualTo(OCSPResp.TRY_LATER);
        position.set(3);
        BasicOCSPResp unknown = verified(responder.respond(CertificateKind.AUTH, requestFor("abcdef")));
        assertThat(unknown.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    @DisplayName("R-REV-8: an empty, a request-less or a garbage OCSP request gets malformedRequest")
    void malformed_requests() throws Exception {
        assertThat(new OCSPResp(responder.respond(CertificateKind.AUTH, new byte[0])).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(new OCSPResp(responder.respond(CertificateKind.AUTH, "garbage".getBytes())).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        byte[] noRequests = new OCSPReqBuilder().build().getEncoded();
        assertThat(new OCSPResp(responder.respond(CertificateKind.AUTH, noRequests)).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    @DisplayName("R-REV-8: OCSP over GET (RFC 6960 A.1): the URL-encoded base64 in the path, '/' encoded or not, answers like a POST")
    void ocsp_over_get() throws Exception {
        OcspGetFilter filter = new OcspGetFilter(responder);
        String base64 = Base64.getEncoder().encodeToString(request);
        for (String path : List.of(base64, java.net.URLEncoder.encode(base64, java.nio.charset.StandardCharsets.US_ASCII).replace("+", "%2B"))) {
            MockHttpServletRequest get = new MockHttpServletRequest("GET", "/pki/auth/ocsp/" + path);
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(get, response, new MockFilterChain());
            assertThat(response.getContentType()).isEqualTo("application/ocsp-response");
            assertThat(verified(response.getContentAsByteArray()).getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        }
        MockHttpServletResponse garbage = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/pki/auth/ocsp/%zz"), garbage, new MockFilterChain());
        assertThat(new OCSPResp(garbage.getContentAsByteArray()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    private byte[] requestFor(String serialHex) throws Exception {
        return new OCSPReqBuilder().addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), ca, new BigInteger(serialHex, 16))).build().getEncoded();
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
