package jp.jpki.lifecycle.command.pair;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.command.ca.CertificateAuthority;

/**
 * A CA that signs nothing: it hands out predictable serials ({@code auth-1}, {@code sign-1}, {@code auth-2}, …)
 * so the aggregate's events can be compared exactly. The validity dates are the aggregate's own decision.
 */
final class StubCertificateAuthority extends CertificateAuthority {

    private final Clock clock;
    private final Map<CertificateKind, Integer> issued = new EnumMap<>(CertificateKind.class);

    StubCertificateAuthority(Clock clock) {
        super(null, clock, null, "https://pki.test");
        this.clock = clock;
    }

    @Override
    public IssuedCertificate issue(CertificateKind kind, String subjectPublicKeyInfoBase64, BasicFourItems basicInfo,
                                   LocalDate notAfter) {
        if (kind == CertificateKind.SIGN && basicInfo == null) {
            throw new IllegalArgumentException("a SIGN certificate needs the four basic items (R-CRD-3)");
        }
        int n = issued.merge(kind, 1, Integer::sum);
        return PairFixtures.certificate(kind, kind.name().toLowerCase() + "-" + n,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), notAfter);
    }
}
