package jp.jpki.lifecycle.api.proxy;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** 照会書兼回答書 mailed to the registered address (R-PRC-2). */
@Revision("1")
public record InquiryLetterMailed(PairId pairId, String applicationId, LocalDate mailedOn) {
}
