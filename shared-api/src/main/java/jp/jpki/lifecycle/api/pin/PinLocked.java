package jp.jpki.lifecycle.api.pin;

import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The PIN of one certificate is locked; the certificate stays valid (R-PIN-3). */
@Revision("1")
public record PinLocked(PairId pairId, CertificateKind kind) {
}
