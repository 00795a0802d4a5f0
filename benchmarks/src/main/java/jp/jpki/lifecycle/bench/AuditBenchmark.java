package jp.jpki.lifecycle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.jpki.lifecycle.audit.verify.AuditChain;
import jp.jpki.lifecycle.audit.verify.AuditExportWriter;
import jp.jpki.lifecycle.audit.verify.CanonicalJson;
import jp.jpki.lifecycle.audit.verify.ExportVerifier;
import jp.jpki.lifecycle.audit.verify.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The audit chain: appending one entry (canonical form + SHA-256), and T9, verifying a signed export of a pair
 * with 100 events (a busy decade) offline.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuditBenchmark {

    private ObjectNode event;
    private JsonNode export;
    private ExportVerifier verifier;

    @Setup
    public void setUp() throws Exception {
        event = CanonicalJson.mapper().createObjectNode().put("seq", 41).put("type", "CertificatesIssued")
                .put("timestamp", "2027-06-01T01:00:00Z");
        event.putObject("metadata").put("operatorId", "clerk").put("officeId", "setagaya-main").put("correlationId", "c-1");
        event.putObject("payload").put("pairId", "pair-0001").put("requestId", "r-1").put("feeYen", 0);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        List<AuditExportWriter.ChainedEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 0; seq < 100; seq++) {
            String canonical = CanonicalJson.of(event.deepCopy().put("seq", seq));
            previous = AuditChain.next(previous, canonical);
            entries.add(new AuditExportWriter.ChainedEntry(seq, canonical, previous));
        }
        export = AuditExportWriter.write("pair-0001", "2027-06-02T00:00:00Z", "auditor", entries, keys.getPrivate(), keys.getPublic());
        verifier = new ExportVerifier(keys.getPublic());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    public String chainOneEntry() {
        return AuditChain.next(AuditChain.GENESIS, CanonicalJson.of(event));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Verdict verifyExportOf100Events() {
        return verifier.verify(export);
    }
}
