package jp.jpki.lifecycle.query.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.query.support.EventFeed;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RevocationStatusProjectionTest {

    private static final PairId PAIR = new PairId("pair-0001");
    private static final Instant AT = Instant.parse("2027-06-01T01:00:00Z");
    private static final LocalDate NOT_AFTER = LocalDate.parse("2031-11-14");

    private InMemoryMongo mongo;
    private RevocationStatusStore store;
    private EventFeed events;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        store = new RevocationStatusStore(mongo.template());
        events = new EventFeed(new RevocationStatusProjection(store)).at(AT);
        events.feed(PAIR, new CertificatesIssued(PAIR, "req-1", List.of(
                new IssuedCertificate(CertificateKind.AUTH, "a1", AT, NOT_AFTER, "MIIB"),
                new IssuedCertificate(CertificateKind.SIGN, "51", AT, NOT_AFTER, "MIIB")), 0));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    @DisplayName("R-REV-6: issued certificates are good and on no CRL")
    void issued_is_good() {
        assertThat(store.find(CertificateKind.AUTH, "a1")).hasValueSatisfying(s -> assertThat(s.status).isEqualTo(CertificateStatusDocument.Status.GOOD));
        assertThat(store.onCrl(CertificateKind.AUTH)).isEmpty();
    }

    @Test
    @DisplayName("R-REV-1, R-REV-6: a revocation puts the serial on its CA's CRL with its reason and time, and bumps the list version")
    void revoked_goes_on_the_crl() {
        long before = store.listVersion(CertificateKind.AUTH);
        events.feed(PAIR, new CertificateRevoked(PAIR, CertificateKind.AUTH, "a1", RevocationReason.KEY_COMPROMISE, AT));
        assertThat(store.onCrl(CertificateKind.AUTH)).singleElement().satisfies(s -> {
            assertThat(s.reason).isEqualTo(RevocationReason.KEY_COMPROMISE);
            assertThat(s.revokedAt).isEqualTo(AT);
        });
        assertThat(store.onCrl(CertificateKind.SIGN)).isEmpty();
        assertThat(store.listVersion(CertificateKind.AUTH)).isGreaterThan(before);
    }

    @Test
    @DisplayName("R-REV-4: a hold is published as certificateHold; the later revocation replaces it and is final")
    void hold_then_revocation() {
        events.feed(PAIR, new CertificateHeld(PAIR, CertificateKind.SIGN, "51", AT));
        assertThat(store.onCrl(CertificateKind.SIGN)).singleElement().satisfies(s -> assertThat(s.reason).isEqualTo(RevocationReason.CERTIFICATE_HOLD));
        events.feed(PAIR, new CertificateRevoked(PAIR, CertificateKind.SIGN, "51", RevocationReason.KEY_COMPROMISE, AT.plusSeconds(60)));
        events.feed(PAIR, new CertificateHeld(PAIR, CertificateKind.SIGN, "51", AT.plusSeconds(120)));
        assertThat(store.onCrl(CertificateKind.SIGN)).singleElement().satisfies(s -> {
            assertThat(s.status).isEqualTo(CertificateStatusDocument.Status.REVOKED);
            assertThat(s.reason).isEqualTo(RevocationReason.KEY_COMPROMISE);
        });
    }

    @Test
    @DisplayName("R-PIN-3, R-VAL-7: neither a PIN lock nor an expiry puts a certificate on a CRL")
    void lock_and_expiry_are_not_revocations() {
        events.feed(PAIR, new PinLocked(PAIR, CertificateKind.AUTH), new CertificateExpired(PAIR, CertificateKind.AUTH, "a1", NOT_AFTER));
        assertThat(store.onCrl(CertificateKind.AUTH)).isEmpty();
        assertThat(store.find(CertificateKind.AUTH, "a1")).hasValueSatisfying(s -> assertThat(s.expired).isTrue());
    }

    @Test
    @DisplayName("replaying every event leaves the same status")
    void replay_is_idempotent() {
        events.feed(PAIR, new CertificateRevoked(PAIR, CertificateKind.AUTH, "a1", RevocationReason.KEY_COMPROMISE, AT));
        events.redeliverAll();
        assertThat(store.onCrl(CertificateKind.AUTH)).singleElement().satisfies(s -> assertThat(s.revokedAt).isEqualTo(AT));
        assertThat(store.find(CertificateKind.SIGN, "51")).hasValueSatisfying(s -> assertThat(s.status).isEqualTo(CertificateStatusDocument.Status.GOOD));
    }

    @Test
    @DisplayName("R-REV-6: an issuance, a hold and a revocation in one batch end revoked, with one version bump per list changed")
    void one_batch_issues_holds_and_revokes() {
        long authBefore = store.listVersion(CertificateKind.AUTH);
        long signBefore = store.listVersion(CertificateKind.SIGN);
        PairId other = new PairId("pair-0002");
        events.inOneBatch(() -> events.feed(other,
                new CertificatesIssued(other, "req-2", List.of(new IssuedCertificate(CertificateKind.AUTH, "b1", AT, NOT_AFTER, "MIIB")), 0),
                new CertificateHeld(other, CertificateKind.AUTH, "b1", AT),
                new CertificateRevoked(other, CertificateKind.AUTH, "b1", RevocationReason.AFFILIATION_CHANGED, AT.plusSeconds(60)),
                new CertificateRevoked(PAIR, CertificateKind.AUTH, "a1", RevocationReason.KEY_COMPROMISE, AT)));

        assertThat(store.onCrl(CertificateKind.AUTH)).extracting(s -> s.serialHex, s -> s.reason).containsExactlyInAnyOrder(
                tuple("b1", RevocationReason.AFFILIATION_CHANGED), tuple("a1", RevocationReason.KEY_COMPROMISE));
        assertThat(store.listVersion(CertificateKind.AUTH)).isEqualTo(authBefore + 1);
        assertThat(store.listVersion(CertificateKind.SIGN)).isEqualTo(signBefore);
    }
}
