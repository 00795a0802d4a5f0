package jp.jpki.lifecycle.query.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import jp.jpki.lifecycle.api.pki.GetLatestCrl;
import jp.jpki.lifecycle.api.pki.SignCrl;
import jp.jpki.lifecycle.api.pki.SignedCrl;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.query.support.EventFeed;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/**
 * The CRL served is never emptier than the CA's state: while the statuses are rebuilt, or the CA refuses, the
 * last CRL signed keeps serving. The CA is a stand-in that "signs" the list it is sent as text, and remembers it.
 */
class CrlPublisherTest {

    private static final PairId PAIR = new PairId("pair-0001");
    private static final Instant AT = Instant.parse("2027-06-01T01:00:00Z");

    private InMemoryMongo mongo;
    private RevocationStatusStore store;
    private EventFeed events;
    private CrlPublisher publisher;
    private final List<SignCrl> signed = new ArrayList<>();
    private final AtomicLong position = new AtomicLong();
    private final AtomicLong head = new AtomicLong();
    private RevocationStatusFollower follower;
    private boolean caRefuses;
    private SignedCrl caLatest;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        store = new RevocationStatusStore(mongo.template());
        follower = new RevocationStatusFollower(store, position::get, head::get);
        follower.follow();
        events = new EventFeed(new RevocationStatusProjection(store)).at(AT);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(SignCrl.class.getName(), SignedCrl.class, message -> {
            assertThat(message.getMetaData()).containsEntry(MetadataKeys.ORIGIN, SystemOrigin.QUERY_SIDE.name());
            if (caRefuses) {
                throw new IllegalStateException("the CA's record differs");
            }
            SignCrl request = (SignCrl) message.getPayload();
            signed.add(request);
            caLatest = new SignedCrl(Base64.getEncoder().encodeToString(text(request).getBytes(StandardCharsets.UTF_8)),
                    signed.size(), AT.plusSeconds(86_400));
            return caLatest;
        });
        bus.subscribe(GetLatestCrl.class.getName(), SignedCrl.class, message -> caLatest);
        publisher = new CrlPublisher(store, DefaultQueryGateway.builder().queryBus(bus).build(), Clock.fixed(AT, ZoneOffset.UTC));
        events.feed(PAIR, new CertificatesIssued(PAIR, "req-1", List.of(
                new IssuedCertificate(CertificateKind.SIGN, "51", AT, LocalDate.parse("2031-11-14"), "MIIB")), 0));
        events.feed(PAIR, new CertificateHeld(PAIR, CertificateKind.SIGN, "51", AT));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    @DisplayName("R-REV-7: a rebuild while a certificate is held: the CRL served still lists it, and none is signed from the half-built list")
    void rebuild_keeps_the_held_certificate_on_the_crl() {
        assertThat(crl()).isEqualTo("SIGN:51");
        head.set(12);
        new RevocationStatusProjection(store).reset();
        follower.follow();
        assertThat(store.vouches()).isFalse();
        assertThat(store.onCrl(CertificateKind.SIGN)).as("the last complete statuses keep serving").hasSize(1);
        head.set(20);
        follower.follow();
        events.feed(PAIR, new CertificatesIssued(PAIR, "req-1", List.of(
                new IssuedCertificate(CertificateKind.SIGN, "51", AT, LocalDate.parse("2031-11-14"), "MIIB")), 0));

        assertThat(crl()).isEqualTo("SIGN:51");
        assertThat(signed).as("nothing signed during the rebuild").hasSize(1);

        position.set(12);
        events.feed(PAIR, new CertificateHeld(PAIR, CertificateKind.SIGN, "51", AT));
        follower.follow();
        assertThat(store.vouches()).isTrue();
        assertThat(crl()).isEqualTo("SIGN:51");
        assertThat(signed).as("a new CRL once the rebuilt list serves").hasSize(2);
    }

    @Test
    @DisplayName("R-REV-7: a read store lost and built again serves the CA's last CRL until it is complete, never an empty one")
    void lost_read_store_serves_the_cas_last_crl() {
        assertThat(crl()).isEqualTo("SIGN:51");
        InMemoryMongo fresh = new InMemoryMongo();
        try {
            RevocationStatusStore rebuilt = new RevocationStatusStore(fresh.template());
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            bus.subscribe(GetLatestCrl.class.getName(), SignedCrl.class, message -> caLatest);
            CrlPublisher restarted = new CrlPublisher(rebuilt, DefaultQueryGateway.builder().queryBus(bus).build(), Clock.fixed(AT, ZoneOffset.UTC));
            assertThat(rebuilt.vouches()).isFalse();
            assertThat(new String(restarted.current(CertificateKind.SIGN), StandardCharsets.UTF_8)).isEqualTo("SIGN:51");
        } finally {
            fresh.close();
        }
    }

    @Test
    @DisplayName("R-REV-7: when the CA refuses to sign, the last CRL it signed keeps serving")
    void refused_keeps_the_last_crl() {
        assertThat(crl()).isEqualTo("SIGN:51");
        caRefuses = true;
        store.listChanged(CertificateKind.SIGN);
        assertThat(crl()).isEqualTo("SIGN:51");
    }

    @Test
    @DisplayName("R-REV-7: with no CRL signed yet and the statuses not complete, the answer is 503, not an empty CRL")
    void nothing_signed_yet_is_unavailable() {
        InMemoryMongo fresh = new InMemoryMongo();
        try {
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            bus.subscribe(GetLatestCrl.class.getName(), SignedCrl.class, message -> null);
            CrlPublisher restarted = new CrlPublisher(new RevocationStatusStore(fresh.template()),
                    DefaultQueryGateway.builder().queryBus(bus).build(), Clock.fixed(AT, ZoneOffset.UTC));
            assertThatThrownBy(() -> restarted.current(CertificateKind.SIGN)).isInstanceOf(ResponseStatusException.class)
                    .hasMessageContaining("503");
        } finally {
            fresh.close();
        }
    }

    private String crl() {
        return new String(publisher.current(CertificateKind.SIGN), StandardCharsets.UTF_8);
    }

    private static String text(SignCrl request) {
        return request.kind() + ":" + String.join(",", request.entries().stream().map(e -> e.serialHex()).toList());
    }
}
