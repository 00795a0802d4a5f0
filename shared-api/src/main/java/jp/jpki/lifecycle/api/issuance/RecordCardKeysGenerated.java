package jp.jpki.lifecycle.api.issuance;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The card generated key pairs; the command side signs certificates for these public keys.
 *
 * @param publicKeys SubjectPublicKeyInfo DER, Base64, per kind
 */
public record RecordCardKeysGenerated(@TargetAggregateIdentifier PairId pairId, String requestId,
                                      Map<CertificateKind, String> publicKeys) {
}
