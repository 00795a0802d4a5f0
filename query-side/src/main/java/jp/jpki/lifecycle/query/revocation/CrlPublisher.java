package jp.jpki.lifecycle.query.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pki.CrlEntry;
import jp.jpki.lifecycle.api.pki.SignCrl;
import jp.jpki.lifecycle.api.pki.SignedCrl;
import jp.jpki.lifecycle.query.web.Answers;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * One CRL per CA (R-REV-6), signed by the CA on the command side and served from a cache until the revocation
 * list changes or the next update draws near. Relying parties cache a CRL until its nextUpdate, so a new one is
 * issued well before that.
 */
@Component
class CrlPublisher {

    static final Duration VALIDITY = Duration.ofHours(24);
    static final Duration REISSUE_BEFORE_NEXT_UPDATE = Duration.ofHours(12);

    private record Published(long listVersion, Instant nextUpdate, byte[] der) {
    }

    private final RevocationStatusStore store;
    private final QueryGateway queries;
    private final Clock clock;
    private final Map<CertificateKind, Published> published = new EnumMap<>(CertificateKind.class);

    CrlPublisher(RevocationStatusStore store, QueryGateway queries, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.clock = clock;
    }

    synchronized byte[] current(CertificateKind kind) {
        long version = store.listVersion(kind);
        Instant now = clock.instant();
        Published last = published.get(kind);
        if (last == null || last.listVersion() != version || now.isAfter(last.nextUpdate().minus(REISSUE_BEFORE_NEXT_UPDATE))) {
            last = sign(kind, version, now);
            published.put(kind, last);
        }
        return last.der();
    }

    private Published sign(CertificateKind kind, long version, Instant now) {
        List<CrlEntry> entries = store.onCrl(kind).stream()
                .sorted(Comparator.comparing(status -> status.serialHex))
                .map(status -> new CrlEntry(status.serialHex, status.revokedAt, status.reason)).toList();
        Instant nextUpdate = now.plus(VALIDITY);
        SignedCrl crl = Answers.await(queries.query(new SignCrl(kind, store.nextCrlNumber(kind), now, nextUpdate, entries),
                SignedCrl.class));
        return new Published(version, nextUpdate, Base64.getDecoder().decode(crl.derBase64()));
    }
}
