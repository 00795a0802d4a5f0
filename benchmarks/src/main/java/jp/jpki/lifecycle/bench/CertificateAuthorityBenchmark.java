package jp.jpki.lifecycle.bench;

import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.command.ca.CaKeyStore;
import jp.jpki.lifecycle.command.ca.CertificateAuthority;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** T8: the CA building and signing one end-entity certificate (RSA-2048, SHA-256), card keygen excluded. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CertificateAuthorityBenchmark {

    private CertificateAuthority ca;
    private String publicKey;
    private final BasicFourItems items = new BasicFourItems("Test Hanako", "Setagaya 1-2-3", LocalDate.parse("1985-11-14"), Sex.FEMALE);
    private final LocalDate notAfter = LocalDate.parse("2031-11-14");

    @Setup
    public void setUp() throws Exception {
        Clock clock = Clock.systemUTC();
        CaKeyStore cas = CaKeyStore.openOrCreate(Files.createTempDirectory("jpki-bench-ca").resolve("ca.p12"), "bench".toCharArray(), clock);
        ca = new CertificateAuthority(cas, clock, new SecureRandom(), "http://localhost");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        publicKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }

    @Benchmark
    public IssuedCertificate issueSign() {
        return ca.issue(CertificateKind.SIGN, publicKey, items, notAfter);
    }

    @Benchmark
    public IssuedCertificate issueAuth() {
        return ca.issue(CertificateKind.AUTH, publicKey, null, notAfter);
    }
}
