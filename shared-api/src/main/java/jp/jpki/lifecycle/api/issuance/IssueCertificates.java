package jp.jpki.lifecycle.api.issuance;

import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A counter asks for new certificates on a card (first issue, after expiry, after revocation).
 *
 * @param requestId                 the card-work request this issuance runs as
 * @param terminalId                the counter terminal where the card is inserted
 * @param documents                 identity documents shown (R-PRC-4)
 * @param proxyApplicationId        for a voluntary proxy: the answered two-visit application (R-PRC-2), else null
 * @param withMoveNotice            filed together with a move-in/move notice (R-PRC-3)
 * @param cardReissuedByOwnFault    the card was re-issued through the holder's own fault (R-PRC-7)
 * @param eligibilityOverrideReason a supervisor's recorded reason to issue SIGN despite R-ELG-2, else null
 */
public record IssueCertificates(@TargetAggregateIdentifier PairId pairId, String requestId, HolderFacts holder,
                                CardInfo card, Set<CertificateKind> kinds, ApplicantType applicant,
                                List<DocumentClass> documents, String terminalId, String proxyApplicationId,
                                boolean withMoveNotice, boolean cardReissuedByOwnFault,
                                String eligibilityOverrideReason) {
}
