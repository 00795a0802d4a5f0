package jp.jpki.lifecycle.api.issuance;

import java.util.List;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The gateway wrote the certificates, read them back, found them identical and their keys the card's own. The
 * pair accepts it only for its own card and exactly the certificates its pending request signed (R-CRD-5).
 *
 * @param cardId  the id the card reported about itself at the terminal
 * @param serials serial number (hex) of each certificate now on the card
 */
public record ConfirmCertificatesWritten(@TargetAggregateIdentifier PairId pairId, String requestId, String cardId,
                                         List<String> serials) {
}
