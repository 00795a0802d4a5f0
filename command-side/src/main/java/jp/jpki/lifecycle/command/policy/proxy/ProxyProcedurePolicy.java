package jp.jpki.lifecycle.command.policy.proxy;

import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.Procedure;

/** Whether a procedure needs the two-visit inquiry letter (R-PRC-2) or falls under a one-visit exception (R-PRC-3). */
public class ProxyProcedurePolicy {

    public boolean requiresAnsweredInquiry(Procedure procedure, ApplicantType applicant, Set<CertificateKind> kinds,
                                           List<DocumentClass> documents, boolean withExpiryNotice,
                                           boolean currentCertificatesStillValid, boolean withMoveNotice) {
        boolean signWithMove = withMoveNotice && procedure == Procedure.ISSUANCE && kinds.contains(CertificateKind.SIGN);
        return switch (applicant) {
            case RESIDENT -> false;
            case VOLUNTARY_PROXY -> !(procedure == Procedure.RENEWAL && withExpiryNotice && currentCertificatesStillValid);
            case LEGAL_REPRESENTATIVE -> !(documents.contains(DocumentClass.A) || signWithMove);
            case SAME_HOUSEHOLD_MEMBER -> !signWithMove;
        };
    }
}
