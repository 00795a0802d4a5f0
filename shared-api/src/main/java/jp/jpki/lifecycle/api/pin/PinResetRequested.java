package jp.jpki.lifecycle.api.pin;

import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The rules allowed a PIN reset; the terminal resets the retry counter and the resident sets a new PIN. */
@Revision("1")
public record PinResetRequested(PairId pairId, String requestId, String cardId, CertificateKind kind, String terminalId) {
}
