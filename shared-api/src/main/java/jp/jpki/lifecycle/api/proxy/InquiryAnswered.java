package jp.jpki.lifecycle.api.proxy;

import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The answered inquiry letter was brought back; the procedure may now run (R-PRC-2). */
@Revision("1")
public record InquiryAnswered(PairId pairId, String applicationId) {
}
