package jp.jpki.lifecycle.api.proxy;

import java.util.List;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Visit 2: the proxy brings the answered inquiry letter (R-PRC-2). */
public record RecordInquiryAnswer(@TargetAggregateIdentifier PairId pairId, String applicationId,
                                  List<DocumentClass> proxyDocuments) {
}
