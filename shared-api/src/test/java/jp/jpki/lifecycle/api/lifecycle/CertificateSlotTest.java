package jp.jpki.lifecycle.api.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CertificateSlotTest {

    private static final PairId PAIR = new PairId("pair-0001");
    private static final CertificateKind SIGN = CertificateKind.SIGN;
    private static final Instant AT = Instant.parse("2026-05-01T01:00:00Z");
    private static final HolderFacts HOLDER = new HolderFacts("resident-1", "131016",
            new BasicFourItems("山田 太郎", "東京都千代田区1-1", LocalDate.of(1985, 11, 14), Sex.MALE), false);
    private static final CardInfo CARD = new CardInfo("card-1", LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 10),
            null, CardGeneration.FIRST, false);

    private static CertificateSlot fold(Object... events) {
        CertificateSlot slot = CertificateSlot.NONE;
        for (Object event : events) {
            slot = slot.next(SIGN, event);
        }
        return slot;
    }

    private static IssuedCertificate signed(String serial) {
        return new IssuedCertificate(SIGN, serial, AT, LocalDate.of(2028, 11, 14), "der");
    }

    private static Object[] issued(String request, String serial) {
        return new Object[] {
                new IssuanceRequested(PAIR, request, HOLDER, CARD, LocalDate.of(2033, 11, 14), Set.of(SIGN),
                        ApplicantType.RESIDENT, "T-01", 0, null),
                new CertificatesIssued(PAIR, request, List.of(signed(serial)), 0),
                new CertificatesWrittenToCard(PAIR, request, List.of(serial))};
    }

    private static Object[] with(Object[] events, Object... more) {
        Object[] all = new Object[events.length + more.length];
        System.arraycopy(events, 0, all, 0, events.length);
        System.arraycopy(more, 0, all, events.length, more.length);
        return all;
    }

    @Test
    @DisplayName("R-VAL-7: a certificate is ISSUING until it is on the card, then ACTIVE with its serial")
    void issuing_until_written() {
        Object[] events = issued("req-1", "s-1");
        assertThat(fold(events[0], events[1]).status()).isEqualTo(CertificateStatus.ISSUING);
        assertThat(fold(events)).extracting(CertificateSlot::status, CertificateSlot::serialHex, CertificateSlot::notAfter)
                .containsExactly(CertificateStatus.ACTIVE, "s-1", LocalDate.of(2028, 11, 14));
    }

    @Test
    @DisplayName("R-REN-2: a renewal keeps the old certificate active until the new one is written; its revocation as superseded changes nothing")
    void renewal_replaces_only_when_written() {
        Object[] active = issued("req-1", "s-1");
        Object[] renewing = with(active, new RenewalRequested(PAIR, "req-2", "card-1", Set.of(SIGN), ApplicantType.RESIDENT, "T-01", 0),
                new CertificatesRenewed(PAIR, "req-2", List.of(signed("s-2")), Map.of(SIGN, "s-1"), 0));
        assertThat(fold(renewing)).extracting(CertificateSlot::status, CertificateSlot::serialHex)
                .containsExactly(CertificateStatus.ACTIVE, "s-1");
        Object[] renewed = with(renewing, new CertificatesWrittenToCard(PAIR, "req-2", List.of("s-2")),
                new CertificateRevoked(PAIR, SIGN, "s-1", RevocationReason.SUPERSEDED, AT));
        assertThat(fold(renewed)).extracting(CertificateSlot::status, CertificateSlot::serialHex)
                .containsExactly(CertificateStatus.ACTIVE, "s-2");
    }

    @Test
    @DisplayName("R-REV-4: a hold changes the slot only when it names the current serial")
    void hold_checks_the_serial() {
        assertThat(fold(with(issued("req-1", "s-1"), new CertificateHeld(PAIR, SIGN, "s-0", AT))).status())
                .isEqualTo(CertificateStatus.ACTIVE);
        assertThat(fold(with(issued("req-1", "s-1"), new CertificateHeld(PAIR, SIGN, "s-1", AT))))
                .extracting(CertificateSlot::status, CertificateSlot::revocationReason)
                .containsExactly(CertificateStatus.ON_HOLD, RevocationReason.CERTIFICATE_HOLD);
    }

    @Test
    @DisplayName("R-REV-5: a revocation of the current serial is final; a stale serial's revocation or expiry changes nothing")
    void revocation_and_expiry_check_the_serial() {
        Object[] active = issued("req-1", "s-1");
        assertThat(fold(with(active, new CertificateRevoked(PAIR, SIGN, "s-9", RevocationReason.UNSPECIFIED, AT))).status())
                .isEqualTo(CertificateStatus.ACTIVE);
        assertThat(fold(with(active, new CertificateExpired(PAIR, SIGN, "s-9", LocalDate.of(2028, 11, 14)))).status())
                .isEqualTo(CertificateStatus.ACTIVE);
        assertThat(fold(with(active, new CertificateRevoked(PAIR, SIGN, "s-1", RevocationReason.KEY_COMPROMISE, AT))))
                .extracting(CertificateSlot::status, CertificateSlot::revocationReason)
                .containsExactly(CertificateStatus.REVOKED, RevocationReason.KEY_COMPROMISE);
    }

    @Test
    @DisplayName("R-REV-1: abandoned card work puts the slot back where it was and forgets the unwritten certificate")
    void abandoned_issuance_restores_the_slot() {
        Object[] revoked = with(issued("req-1", "s-1"), new CertificateRevoked(PAIR, SIGN, "s-1", RevocationReason.KEY_COMPROMISE, AT));
        Object[] abandoned = with(revoked, issued("req-2", "s-2")[0], issued("req-2", "s-2")[1],
                new CertificateRevoked(PAIR, SIGN, "s-2", RevocationReason.UNSPECIFIED, AT),
                new CardWorkAbandoned(PAIR, "req-2", "card removed"));
        assertThat(fold(abandoned)).isEqualTo(fold(revoked));
    }

    @Test
    @DisplayName("R-PIN-3: a PIN lock leaves the status as it is; new keys on the card come with new PINs")
    void pin_lock_is_orthogonal() {
        CertificateSlot locked = fold(with(issued("req-1", "s-1"), new PinLocked(PAIR, SIGN)));
        assertThat(locked).extracting(CertificateSlot::status, CertificateSlot::pinLocked)
                .containsExactly(CertificateStatus.ACTIVE, true);
        CertificateSlot reissued = fold(with(with(issued("req-1", "s-1"), new PinLocked(PAIR, SIGN)), issued("req-2", "s-2")));
        assertThat(reissued.pinLocked()).isFalse();
    }

    @Test
    @DisplayName("Events of the other kind leave the slot as it is; an event naming no kind is refused")
    void other_kinds_and_malformed_events() {
        CertificateSlot active = fold(issued("req-1", "s-1"));
        assertThat(active.next(SIGN, new PinLocked(PAIR, CertificateKind.AUTH))).isEqualTo(active);
        assertThatThrownBy(() -> active.next(SIGN, new PinLocked(PAIR, null))).isInstanceOf(IllegalArgumentException.class);
    }
}
