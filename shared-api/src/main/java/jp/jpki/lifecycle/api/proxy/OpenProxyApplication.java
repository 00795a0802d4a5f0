package jp.jpki.lifecycle.api.proxy;

import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.Procedure;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Visit 1 of a voluntary proxy (R-PRC-2): records the request and mails the inquiry letter.
 * Nothing is issued on this visit.
 *
 * @param holder the holder's facts, needed when the pair does not exist yet (first issue by proxy)
 */
public record OpenProxyApplication(@TargetAggregateIdentifier PairId pairId, String applicationId,
                                   Procedure procedure, Set<CertificateKind> kinds, HolderFacts holder,
                                   List<DocumentClass> proxyDocuments) {
}
