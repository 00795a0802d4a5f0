package jp.jpki.lifecycle.query.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import jp.jpki.lifecycle.api.pki.CrlEntry;
import jp.jpki.lifecycle.api.pki.GetLatestCrl;
import jp.jpki.lifecycle.api.pki.SignCrl;
import jp.jpki.lifecycle.api.pki.SignedCrl;
import jp.jpki.lifecycle.query.web.Answers;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * One CRL per CA (R-REV-6), signed by the CA on the command side and served from a cache until the revocation
 * list changes or the next update draws near. The CA signs only a list equal to its own record; while the
 * statuses here cannot vouch for a list (a rebuild, a first build, the CA refusing), the last CRL signed keeps
 * serving, never an emptier one.
 */
@Component
class CrlPublisher {

    private static final Logger log = LoggerFactory.getLogger(CrlPublisher.class);
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
        Published last = published.get(kind);
        if (!store.vouches()) {
            return lastSigned(kind, last);
        }
        long version = store.listVersion(kind);
        Instant now = clock.instant();
        if (last == null || last.listVersion() != version || now.isAfter(last.nextUpdate().minus(REISSUE_BEFORE_NEXT_UPDATE))) {
            try {
                last = sign(kind, version);
                published.put(kind, last);
            } catch (RuntimeException refused) {
                log.warn("the {} CA did not sign a new CRL ({}); the last one signed keeps serving", kind, refused.getMessage());
                return lastSigned(kind, last);
            }
        }
        return last.der();
    }

    private Published sign(CertificateKind kind, long version) {
        List<CrlEntry> entries = store.onCrl(kind).stream()
                .sorted(Comparator.comparing(status -> status.serialHex))
                .map(status -> new CrlEntry(status.serialHex, status.revokedAt, status.reason)).toList();
        SignedCrl crl = Answers.await(queries.query(fromQuerySide(new SignCrl(kind, entries)), ResponseTypes.instanceOf(SignedCrl.class)));
        return new Published(version, crl.nextUpdate(), Base64.getDecoder().decode(crl.derBase64()));
    }

    /** The CRL published last here, else the last one the CA signed; a 503, never an empty CRL, if there is none. */
    private byte[] lastSigned(CertificateKind kind, Published last) {
        if (last != null) {
            return last.der();
        }
        Optional<SignedCrl> latest = Answers.await(queries.query(new GetLatestCrl(kind), ResponseTypes.optionalInstanceOf(SignedCrl.class)));
        if (latest.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "no " + kind + " CRL has been signed yet and the revocation statuses are still being built; try again shortly");
        }
        // not cached under a list version: the next request after the build asks the CA for a current one
        return Base64.getDecoder().decode(latest.get().derBase64());
    }

    static GenericMessage<Object> fromQuerySide(Object query) {
        return new GenericMessage<>(query, MetaData.with(MetadataKeys.ORIGIN, SystemOrigin.QUERY_SIDE.name()));
    }
}
