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
        // The J-LIS notice carries the inquiry letter and power of attorney, so any proxy (a household member is
        // one too, R-PRC-3) renews with it in one visit while the certificate is still valid.
        boolean renewalWithNotice = procedure == Procedure.RENEWAL && withExpiryNotice && currentCertificatesStillValid;
        return switch (applicant) {
            case RESIDENT -> false;
            case VOLUNTARY_PROXY -> !renewalWithNotice;
            case LEGAL_REPRESENTATIVE -> !(documents.contains(DocumentClass.A) || signWithMove);
            case SAME_HOUSEHOLD_MEMBER -> !(renewalWithNotice || signWithMove);
        };
    }
}
