package jp.jpki.lifecycle.api.issuance;

import java.util.List;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The certificates with these serials are on the card and verified; they are now active. */
@Revision("1")
public record CertificatesWrittenToCard(PairId pairId, String requestId, List<String> serials) {
}
