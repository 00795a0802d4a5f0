package jp.jpki.lifecycle.api.pin;

import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The PIN was reset; no new certificate was issued (R-PIN-4). */
@Revision("1")
public record PinReset(PairId pairId, String requestId, CertificateKind kind) {
}
