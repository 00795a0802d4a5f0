package jp.jpki.lifecycle.api.renewal;

import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.EnumSets;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The rules allowed a renewal; the old certificates stay active until the new ones are on the card. */
@Revision("1")
public record RenewalRequested(PairId pairId, String requestId, String cardId, Set<CertificateKind> kinds,
                               ApplicantType applicant, String terminalId, int feeYen) {
    public RenewalRequested {
        kinds = EnumSets.ordered(kinds, CertificateKind.class);
    }
}
