package jp.jpki.lifecycle.api.expiry;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** An expiry notice (有効期限通知書) is due for this certificate (R-REN-4). */
@Revision("1")
public record ExpiryNoticeDue(PairId pairId, CertificateKind kind, String serialHex, LocalDate notAfter) {
}
