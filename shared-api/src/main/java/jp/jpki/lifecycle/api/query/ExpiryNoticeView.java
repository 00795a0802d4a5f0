package jp.jpki.lifecycle.api.query;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.CertificateKind;

/** One expiry notice to produce (R-REN-4); deliberately no resident data beyond the opaque pair id. */
public record ExpiryNoticeView(String pairId, CertificateKind kind, LocalDate notAfter) {
}
