package jp.jpki.lifecycle.card.work;

import java.util.Map;
import jp.jpki.lifecycle.api.card.CaCertificateSet;
import jp.jpki.lifecycle.api.card.GetCaCertificates;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** Asks the command side's CA for its certificates once, then keeps them: they change only with a CA rollover. */
public class QueryingCaCertificates implements CaCertificates {

    private final QueryGateway queries;
    private volatile Map<CertificateKind, String> cached;

    public QueryingCaCertificates(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Map<CertificateKind, String> all() {
        Map<CertificateKind, String> current = cached;
        if (current == null) {
            current = queries.query(new GetCaCertificates(), ResponseTypes.instanceOf(CaCertificateSet.class))
                    .join().certificates();
            cached = current;
        }
        return current;
    }
}
