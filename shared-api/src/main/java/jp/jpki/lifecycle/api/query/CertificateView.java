package jp.jpki.lifecycle.api.query;

import java.time.Instant;
import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.RevocationReason;

/**
 * One certificate of a pair as the counter sees it.
 *
 * @param pinLocked            a card state, independent of {@code status} (R-PIN-3)
 * @param revocationReason     set when revoked, or {@code CERTIFICATE_HOLD} while on hold; else null
 * @param renewalWindowOpensOn notAfter − 3 months + 1 day, month-end clamped (R-REN-1); null without a certificate
 * @param renewalWindowOpen    today (JST) is inside the window and the certificate is active (R-REN-1)
 * @param expiryNoticeDueOn    JST date the expiry notice fell due for the current certificate (R-REN-4), else null
 * @param pendingRequestId     card work (issuance, renewal, PIN reset) in progress on this certificate, else null
 */
public record CertificateView(CertificateKind kind, CertificateStatus status, String serialHex, Instant notBefore,
                              LocalDate notAfter, boolean pinLocked, RevocationReason revocationReason,
                              LocalDate renewalWindowOpensOn, boolean renewalWindowOpen, LocalDate expiryNoticeDueOn,
                              String pendingRequestId) {
}
