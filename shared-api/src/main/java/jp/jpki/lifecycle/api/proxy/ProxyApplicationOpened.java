package jp.jpki.lifecycle.api.proxy;

import java.util.Set;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.EnumSets;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.Procedure;
import org.axonframework.serialization.Revision;

/** Visit 1 of a voluntary proxy was recorded (R-PRC-2). */
@Revision("1")
public record ProxyApplicationOpened(PairId pairId, String applicationId, Procedure procedure,
                                     Set<CertificateKind> kinds, HolderFacts holder) {
    public ProxyApplicationOpened {
        kinds = EnumSets.ordered(kinds, CertificateKind.class);
    }
}
