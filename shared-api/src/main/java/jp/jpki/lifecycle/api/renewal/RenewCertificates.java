package jp.jpki.lifecycle.api.renewal;

import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Renew still-valid certificates inside the renewal window (R-REN-1): new keys, k = 6 (R-VAL-4).
 *
 * @param withExpiryNotice the proxy brings the J-LIS expiry notice (one-visit exception, R-PRC-3)
 */
public record RenewCertificates(@TargetAggregateIdentifier PairId pairId, String requestId, Set<CertificateKind> kinds,
                                ApplicantType applicant, List<DocumentClass> documents, String terminalId,
                                String proxyApplicationId, boolean withExpiryNotice) {
}
