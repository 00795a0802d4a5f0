package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.AUTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.BOTH;
import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.TERMINAL;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.at;
import static jp.jpki.lifecycle.command.pair.PairFixtures.card;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pin.RecordPinLock;
import jp.jpki.lifecycle.api.pin.ResetPin;
import jp.jpki.lifecycle.api.proxy.OpenProxyApplication;
import jp.jpki.lifecycle.api.renewal.RenewCertificates;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.api.revocation.ResidentRecordRemoved;
import jp.jpki.lifecycle.api.revocation.RevocationCause;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Death and removal from the register end the pair for good (R-END-1). */
class CertificatePairRemovalTest {

    private static final Instant NOW = at(LocalDate.of(2025, 6, 2), 10);
    /** Inside the renewal window of the active pair (opens 2028-08-15). */
    private static final Instant IN_WINDOW = at(LocalDate.of(2028, 9, 1), 10);

    private static List<Object> removed() {
        var events = new ArrayList<>(activePair());
        events.add(new ResidentRecordRemoved(PAIR, "card-1"));
        events.add(new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.CESSATION_OF_OPERATION, NOW));
        events.add(new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.CESSATION_OF_OPERATION, NOW));
        return events;
    }

    @Test
    @DisplayName("R-END-1: removal is recorded and revokes both, and is recorded even when nothing is valid any more")
    void removalRecorded() {
        fixtureAt(NOW).given(activePair())
                .when(new RevokeCertificates(PAIR, AUTH, RevocationCause.RESIDENT_RECORD_REMOVED))
                .expectEvents(new ResidentRecordRemoved(PAIR, "card-1"),
                        new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.CESSATION_OF_OPERATION, NOW),
                        new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.CESSATION_OF_OPERATION, NOW));
        var revoked = new ArrayList<>(activePair());
        revoked.add(new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.KEY_COMPROMISE, NOW));
        revoked.add(new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.KEY_COMPROMISE, NOW));
        fixtureAt(NOW).given(revoked)
                .when(new RevokeCertificates(PAIR, AUTH, RevocationCause.RESIDENT_RECORD_REMOVED))
                .expectEvents(new ResidentRecordRemoved(PAIR, "card-1"));
    }

    @Test
    @DisplayName("R-END-1: after removal no issuance, on the old card or a new one")
    void noIssuance() {
        assertRefused(fixtureAt(NOW).given(removed()).when(issue("req-2", AUTH)), "R-END-1");
        var newCard = card("card-2", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 20));
        assertRefused(fixtureAt(NOW).given(removed())
                .when(issue("req-2", HOLDER, newCard, BOTH, ApplicantType.RESIDENT, List.of())), "R-END-1");
    }

    @Test
    @DisplayName("R-END-1: after removal no renewal, no PIN reset, no PIN lock, no proxy application, no second removal")
    void noOtherWork() {
        assertRefused(fixtureAt(IN_WINDOW).given(removed()).when(new RenewCertificates(PAIR, "req-2", BOTH,
                ApplicantType.RESIDENT, List.of(), TERMINAL, null, false)), "R-END-1");
        assertRefused(fixtureAt(NOW).given(removed()).when(new ResetPin(PAIR, "req-2", CertificateKind.AUTH,
                ApplicantType.RESIDENT, List.of(DocumentClass.A), TERMINAL, null)), "R-END-1");
        assertRefused(fixtureAt(NOW).given(removed()).when(new RecordPinLock(PAIR, CertificateKind.AUTH)), "R-END-1");
        assertRefused(fixtureAt(NOW).given(removed()).when(new OpenProxyApplication(PAIR, "app-1", Procedure.ISSUANCE,
                AUTH, null, List.of(DocumentClass.A))), "R-END-1");
        assertRefused(fixtureAt(NOW).given(removed())
                .when(new RevokeCertificates(PAIR, AUTH, RevocationCause.RESIDENT_RECORD_REMOVED)), "R-END-1");
    }
}
