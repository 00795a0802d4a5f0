package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.ISSUED_AT;
import static jp.jpki.lifecycle.command.pair.PairFixtures.NOT_AFTER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.at;
import static jp.jpki.lifecycle.command.pair.PairFixtures.card;
import static jp.jpki.lifecycle.command.pair.PairFixtures.certificate;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.holder;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issued;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pin.ConfirmPinReset;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.pin.RecordPinLock;
import jp.jpki.lifecycle.api.pin.ResetPin;
import jp.jpki.lifecycle.api.renewal.RenewCertificates;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.api.revocation.RevocationCause;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CertificatePairPinTest {

    private static final Instant NOW = at(LocalDate.of(2025, 6, 2), 10);
    private static final Instant IN_WINDOW = at(LocalDate.of(2028, 9, 1), 10);

    private static List<Object> with(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    private static ResetPin reset(CertificateKind kind, ApplicantType applicant, DocumentClass... documents) {
        return new ResetPin(PAIR, "req-2", kind, applicant, List.of(documents), "T-01", null);
    }

    @Test
    @DisplayName("R-PIN-2: a SIGN lock seen on the card is recorded")
    void signLockRecorded() {
        fixtureAt(NOW).given(activePair())
                .when(new RecordPinLock(PAIR, CertificateKind.SIGN))
                .expectEvents(new PinLocked(PAIR, CertificateKind.SIGN));
    }

    @Test
    @DisplayName("R-PIN-2: the two locks are independent: a locked SIGN leaves AUTH to lock on its own")
    void locksIndependent() {
        fixtureAt(NOW).given(with(activePair(), new PinLocked(PAIR, CertificateKind.SIGN)))
                .when(new RecordPinLock(PAIR, CertificateKind.AUTH))
                .expectEvents(new PinLocked(PAIR, CertificateKind.AUTH));
    }

    @Test
    @DisplayName("R-PIN-2: a lock reported again is recorded once")
    void lockRecordedOnce() {
        fixtureAt(NOW).given(with(activePair(), new PinLocked(PAIR, CertificateKind.SIGN)))
                .when(new RecordPinLock(PAIR, CertificateKind.SIGN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PIN-3: a lock is no revocation: the locked certificate is renewed like any valid one")
    void lockedStaysValid() {
        var locked = with(activePair(), new PinLocked(PAIR, CertificateKind.SIGN), new PinLocked(PAIR, CertificateKind.AUTH));
        fixtureAt(IN_WINDOW).given(locked)
                .when(new RenewCertificates(PAIR, "req-2", PairFixtures.BOTH, ApplicantType.RESIDENT, List.of(), "T-01", null, false))
                .expectEvents(new RenewalRequested(PAIR, "req-2", "card-1", PairFixtures.BOTH, ApplicantType.RESIDENT, "T-01", 0));
    }

    @Test
    @DisplayName("R-PIN-3: a lock is recorded only on a valid certificate, never on a revoked one")
    void noLockOnRevoked() {
        var revoked = with(activePair(),
                new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.KEY_COMPROMISE, ISSUED_AT));
        assertRefused(fixtureAt(NOW).given(revoked).when(new RecordPinLock(PAIR, CertificateKind.SIGN)), "R-PIN-3");
    }

    @Test
    @DisplayName("R-PIN-3 + R-REV-1: a locked certificate is still revoked for a PIN leak as keyCompromise")
    void lockedStillRevocable() {
        fixtureAt(NOW).given(with(activePair(), new PinLocked(PAIR, CertificateKind.SIGN)))
                .when(new RevokeCertificates(PAIR, PairFixtures.SIGN, RevocationCause.PIN_LEAK))
                .expectEvents(new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.KEY_COMPROMISE, NOW));
    }

    @Test
    @DisplayName("R-PIN-4 + R-PRC-1: a resident with a B document resets the SIGN PIN at the counter")
    void residentResets() {
        fixtureAt(NOW).given(with(activePair(), new PinLocked(PAIR, CertificateKind.SIGN)))
                .when(reset(CertificateKind.SIGN, ApplicantType.RESIDENT, DocumentClass.B))
                .expectEvents(new PinResetRequested(PAIR, "req-2", "card-1", CertificateKind.SIGN, "T-01"));
    }

    @Test
    @DisplayName("R-PIN-4: the card's confirmation records the reset, and issues no new certificate")
    void resetIssuesNothing() {
        fixtureAt(NOW).given(with(activePair(), new PinLocked(PAIR, CertificateKind.SIGN),
                        new PinResetRequested(PAIR, "req-2", "card-1", CertificateKind.SIGN, "T-01")))
                .when(new ConfirmPinReset(PAIR, "req-2", "card-1"))
                .expectEvents(new PinReset(PAIR, "req-2", CertificateKind.SIGN));
    }

    @Test
    @DisplayName("R-PIN-4: only a reset clears a lock: after it a new lock is recorded again")
    void resetClearsLock() {
        fixtureAt(NOW).given(with(activePair(), new PinLocked(PAIR, CertificateKind.SIGN),
                        new PinResetRequested(PAIR, "req-2", "card-1", CertificateKind.SIGN, "T-01"),
                        new PinReset(PAIR, "req-2", CertificateKind.SIGN)))
                .when(new RecordPinLock(PAIR, CertificateKind.SIGN))
                .expectEvents(new PinLocked(PAIR, CertificateKind.SIGN));
    }

    @Test
    @DisplayName("R-PIN-4 + R-PRC-4: a PIN reset needs the identity documents")
    void resetNeedsDocuments() {
        assertRefused(fixtureAt(NOW).given(activePair()).when(reset(CertificateKind.AUTH, ApplicantType.RESIDENT)), "R-PRC-4");
    }

    @Test
    @DisplayName("R-PIN-4 + R-ELG-3: a child's PIN is reset by the legal representative, with A×2 or A×1+B×1")
    void childResetByLegalRepresentative() {
        HolderFacts child = holder(LocalDate.of(2012, 7, 20), false);
        CardInfo childCard = card("card-c", LocalDate.of(2024, 1, 5), LocalDate.of(2024, 2, 1));
        LocalDate cardExpiry = LocalDate.of(2028, 7, 20);
        var childPair = issued("req-1", child, childCard, cardExpiry,
                List.of(certificate(CertificateKind.AUTH, "auth-1", ISSUED_AT, cardExpiry)), 0);
        assertRefused(fixtureAt(NOW).given(childPair).when(reset(CertificateKind.AUTH, ApplicantType.RESIDENT, DocumentClass.A)),
                "R-ELG-3");
        assertRefused(fixtureAt(NOW).given(childPair)
                .when(reset(CertificateKind.AUTH, ApplicantType.LEGAL_REPRESENTATIVE, DocumentClass.A)), "R-PRC-4");
        fixtureAt(NOW).given(childPair)
                .when(reset(CertificateKind.AUTH, ApplicantType.LEGAL_REPRESENTATIVE, DocumentClass.A, DocumentClass.B))
                .expectEvents(new PinResetRequested(PAIR, "req-2", "card-c", CertificateKind.AUTH, "T-01"));
    }

    @Test
    @DisplayName("R-PIN-4: an expired certificate's PIN is not reset")
    void noResetOnExpired() {
        var expired = with(activePair(), new CertificateExpired(PAIR, CertificateKind.AUTH, "auth-1", NOT_AFTER));
        assertRefused(fixtureAt(at(LocalDate.of(2028, 12, 1), 10)).given(expired)
                .when(reset(CertificateKind.AUTH, ApplicantType.RESIDENT, DocumentClass.A)), "R-PIN-4");
    }

    @Test
    @DisplayName("R-PIN-4 + R-PRC-2: a voluntary proxy resets a PIN only after the two visits")
    void proxyResetNeedsTwoVisits() {
        assertRefused(fixtureAt(NOW).given(activePair())
                .when(reset(CertificateKind.SIGN, ApplicantType.VOLUNTARY_PROXY, DocumentClass.A)), "R-PRC-2");
    }

    @Test
    @DisplayName("R-PIN-4 + R-PRC-6: no PIN reset on the maintenance weekend (3rd Sunday of June 2025 follows Saturday the 21st)")
    void noResetDuringMaintenance() {
        assertRefused(fixtureAt(at(LocalDate.of(2025, 6, 22), 10)).given(activePair())
                .when(reset(CertificateKind.SIGN, ApplicantType.RESIDENT, DocumentClass.A)), "R-PRC-6");
    }

    @Test
    @DisplayName("R-ELG-4: a face-authentication card has no PINs to lock or reset")
    void faceAuthenticationHasNoPins() {
        CardInfo face = new CardInfo("card-face", LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 10), null,
                CardGeneration.FIRST, true);
        var facePair = issued("req-1", HOLDER, face, PairFixtures.CARD_EXPIRY,
                List.of(certificate(CertificateKind.AUTH, "auth-1", ISSUED_AT, NOT_AFTER)), 0);
        assertRefused(fixtureAt(NOW).given(facePair).when(new RecordPinLock(PAIR, CertificateKind.AUTH)), "R-ELG-4");
        assertRefused(fixtureAt(NOW).given(facePair).when(reset(CertificateKind.AUTH, ApplicantType.RESIDENT, DocumentClass.A)),
                "R-ELG-4");
    }

    @Test
    @DisplayName("R-PIN-1 + R-PIN-5: no PIN value travels through the backend; format (R-PIN-1) and counts (R-PIN-2) live on the PIN pad and card")
    void noPinValueAnywhere() {
        List<String> components = Stream.of(ResetPin.class, PinResetRequested.class, PinReset.class, ResetPinOnCard.class,
                        RecordPinLock.class, PinLocked.class, ConfirmPinReset.class)
                .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                .map(RecordComponent::getName).toList();
        assertThat(components).isNotEmpty().noneMatch(name -> name.toLowerCase().matches(".*(pin|password|secret).*"));
    }
}
