package jp.jpki.lifecycle.api.issuance;

import java.time.LocalDate;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.EnumSets;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/**
 * The rules allowed an issuance; nothing is valid yet. The card-work saga starts from here.
 *
 * @param cardExpiry the card's expiry as derived by R-VAL-6
 * @param feeYen     fee due for the pair (R-PRC-7)
 */
@Revision("1")
public record IssuanceRequested(PairId pairId, String requestId, HolderFacts holder, CardInfo card,
                                LocalDate cardExpiry, Set<CertificateKind> kinds, ApplicantType applicant,
                                String terminalId, int feeYen, String eligibilityOverrideReason) {
    public IssuanceRequested {
        kinds = EnumSets.ordered(kinds, CertificateKind.class);
    }
}
