package jp.jpki.lifecycle.query.revocation;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import com.mongodb.client.MongoClients;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pki.CertifyOcspResponder;
import jp.jpki.lifecycle.api.pki.ResponderCertificate;
import jp.jpki.lifecycle.command.ca.CaKeyStore;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * T7: one OCSP request answered by our responder, end to end minus HTTP: parse the request, look the serial up in
 * the revocation-status store (in-process MongoDB), build and RSA-2048-sign the response. No response cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OcspResponderBenchmark {

    private MongoServer server;
    private OcspResponder responder;
    private byte[] request;

    @Setup
    public void setUp() throws Exception {
        Clock clock = Clock.systemUTC();
        CaKeyStore cas = CaKeyStore.openOrCreate(Files.createTempDirectory("jpki-bench-ocsp").resolve("ca.p12"), "bench".toCharArray(), clock);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(CertifyOcspResponder.class.getName(), ResponderCertificate.class,
                message -> responderCertificate(cas, (CertifyOcspResponder) message.getPayload(), clock));
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        MongoTemplate mongo = new MongoTemplate(MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()), "bench");
        RevocationStatusStore store = new RevocationStatusStore(mongo);
        String serial = "1f2e3d4c5b6a79881f2e3d4c5b6a7988";
        new RevocationStatusProjection(store).on(new CertificatesIssued(new PairId("bench-pair-01"), "r-1",
                List.of(new IssuedCertificate(CertificateKind.AUTH, serial, clock.instant(), LocalDate.parse("2031-11-14"), "MIIB")), 0));
        RevocationStatusFollower caughtUp = new RevocationStatusFollower(store, () -> 0, () -> 0);
        caughtUp.follow();
        responder = new OcspResponder(store, caughtUp, DefaultQueryGateway.builder().queryBus(bus).build(), clock);
        X509CertificateHolder ca = new X509CertificateHolder(cas.get(CertificateKind.AUTH).certificate().getEncoded());
        request = new OCSPReqBuilder().addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), ca, new BigInteger(serial, 16))).build().getEncoded();
        responder.respond(CertificateKind.AUTH, request);
    }

    /** What the CA answers, without its registry (the benchmark measures answering, not registering). */
    private static ResponderCertificate responderCertificate(CaKeyStore cas, CertifyOcspResponder request, Clock clock) throws Exception {
        CaKeyStore.CaMaterial ca = cas.get(request.kind());
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(request.publicKeyDerBase64())));
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(ca.certificate(), BigInteger.valueOf(clock.millis()),
                Date.from(clock.instant().minus(Duration.ofMinutes(5))), Date.from(clock.instant().plus(Duration.ofDays(2))),
                new X500Name("C=JP, O=JPKI, CN=" + request.responderId()), key)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.key()));
        return new ResponderCertificate(Base64.getEncoder().encodeToString(certificate.getEncoded()),
                Base64.getEncoder().encodeToString(ca.certificate().getEncoded()));
    }

    @TearDown
    public void tearDown() {
        server.shutdownNow();
    }

    @Benchmark
    public byte[] answerOneRequest() {
        return responder.respond(CertificateKind.AUTH, request);
    }
}
