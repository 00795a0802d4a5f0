package jp.jpki.lifecycle.bench;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor under T7 and T8: one SHA256withRSA signature with an RSA-2048 CRT key over 1 KiB (about a
 * certificate's TBS), with the JDK's provider (what the CA and responder use) and with Bouncy Castle's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RsaSignatureBenchmark {

    @Param({"SunRsaSign", "BC"})
    public String provider;

    private PrivateKey key;
    private final byte[] data = new byte[1024];

    @Setup
    public void setUp() throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
        generator.initialize(2048);
        key = generator.generateKeyPair().getPrivate();
    }

    @Benchmark
    public byte[] sign() throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA", provider);
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }
}
