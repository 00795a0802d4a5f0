package jp.jpki.lifecycle.command.pair;

import java.time.Instant;
import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.time.JapanTime;

/**
 * The deadlines every active certificate carries (R-VAL-7, R-REN-1, R-REN-4). Their payload names the
 * serial, so a deadline of a certificate that was since renewed or revoked finds nothing to do.
 */
final class CertificateDeadlines {
    static final String EXPIRY = "certificate-expiry";
    static final String RENEWAL_WINDOW = "renewal-window";
    static final String EXPIRY_NOTICE = "expiry-notice";

    private CertificateDeadlines() {
    }

    /** Payload of all three deadlines. */
    record Due(CertificateKind kind, String serialHex) {
    }

    /** Start of the given JST day. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(JapanTime.ZONE).toInstant();
    }
}
