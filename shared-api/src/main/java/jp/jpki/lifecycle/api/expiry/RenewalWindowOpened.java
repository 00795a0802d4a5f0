package jp.jpki.lifecycle.api.expiry;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The renewal window of a certificate opened (R-REN-1). */
@Revision("1")
public record RenewalWindowOpened(PairId pairId, CertificateKind kind, String serialHex, LocalDate opensOn,
                                  LocalDate notAfter) {
}
