package jp.jpki.lifecycle.api.issuance;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** Key pairs were generated on the card (R-CRD-2); public keys as SubjectPublicKeyInfo DER, Base64. */
@Revision("1")
public record CardKeysGenerated(PairId pairId, String requestId, Map<CertificateKind, String> publicKeys) {
}
