package jp.jpki.lifecycle.bench;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.command.policy.eligibility.EligibilityPolicy;
import jp.jpki.lifecycle.command.policy.validity.CertificateTerms;
import jp.jpki.lifecycle.command.policy.validity.LeapDayPolicy;
import jp.jpki.lifecycle.command.policy.validity.ValidityPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The pure rules every command consults: validity dates (R-VAL) and eligibility (R-ELG). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyBenchmark {

    private final ValidityPolicy validity = new ValidityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY, CertificateTerms.defaults());
    private final EligibilityPolicy eligibility = new EligibilityPolicy(LeapDayPolicy.LAST_DAY_OF_FEBRUARY);
    private final CardInfo card = new CardInfo("CARD-1", LocalDate.parse("2026-11-10"), LocalDate.parse("2026-12-01"), null,
            CardGeneration.FIRST, false);
    private final HolderFacts holder = new HolderFacts("R-1", "131121",
            new BasicFourItems("N", "A", LocalDate.parse("2000-02-29"), Sex.FEMALE), false);
    private final LocalDate today = LocalDate.parse("2027-06-01");

    @Benchmark
    public LocalDate validityOfAPair() {
        LocalDate cardExpiry = validity.cardExpiry(card, holder.dateOfBirth());
        LocalDate auth = validity.notAfter(CertificateKind.AUTH, holder.dateOfBirth(), today, false, cardExpiry, null, CardGeneration.FIRST);
        return validity.notAfter(CertificateKind.SIGN, holder.dateOfBirth(), today, false, cardExpiry, auth, CardGeneration.FIRST);
    }

    @Benchmark
    public Object eligibilityOfAnIssuance() {
        return eligibility.checkIssuance(Set.of(CertificateKind.SIGN, CertificateKind.AUTH), holder, card, LocalDate.parse("2036-11-14"),
                ApplicantType.RESIDENT, null, today);
    }
}
