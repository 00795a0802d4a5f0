package jp.jpki.lifecycle.api.pin;

import java.util.List;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reset a PIN at the counter (R-PIN-4). The new PIN is typed on the terminal's PIN pad and goes only to
 * the card: no PIN value exists in this command (R-PIN-5).
 */
public record ResetPin(@TargetAggregateIdentifier PairId pairId, String requestId, CertificateKind kind,
                       ApplicantType applicant, List<DocumentClass> documents, String terminalId,
                       String proxyApplicationId) {
}
