package jp.jpki.lifecycle.api.issuance;

import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The card generated key pairs; the command side signs certificates for these public keys, but only when the
 * card and the request are the pair's card and its pending request (R-CRD-5).
 *
 * @param cardId     the id the card reported about itself at the terminal
 * @param publicKeys SubjectPublicKeyInfo DER, Base64, per kind
 */
public record RecordCardKeysGenerated(@TargetAggregateIdentifier PairId pairId, String requestId, String cardId,
                                      Map<CertificateKind, String> publicKeys) {
}
