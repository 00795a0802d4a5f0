package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.CARD;
import static jp.jpki.lifecycle.command.pair.PairFixtures.HOLDER;
import static jp.jpki.lifecycle.command.pair.PairFixtures.MUNICIPALITY;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.SIGN;
import static jp.jpki.lifecycle.command.pair.PairFixtures.TERMINAL;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.at;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixture;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;
import static jp.jpki.lifecycle.command.pair.PairFixtures.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.time.JapanTime;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.move.CardUseContinued;
import jp.jpki.lifecycle.api.move.ContinueCardUse;
import jp.jpki.lifecycle.api.move.JurisdictionHandedOver;
import jp.jpki.lifecycle.api.move.MovePeriodMissed;
import jp.jpki.lifecycle.api.move.MovedOut;
import jp.jpki.lifecycle.api.move.RecordMoveIn;
import jp.jpki.lifecycle.api.move.RecordMoveOut;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.revocation.CardInvalidated;
import jp.jpki.lifecycle.api.revocation.CardInvalidationCause;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.command.infrastructure.AdjustableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 転出/転入 with the card kept: SIGN ends, the pair passes to the new municipality within the legal periods. */
class CertificatePairMoveTest {

    private static final String NEW_MUNICIPALITY = "131130";
    private static final Map<String, Object> FROM_NEW_MUNICIPALITY = Map.of(MetadataKeys.MUNICIPALITY, NEW_MUNICIPALITY);
    private static final LocalDate PLANNED = LocalDate.of(2026, 4, 1);
    private static final LocalDate MOVED_IN = LocalDate.of(2026, 4, 3);
    private static final Instant MOVE_OUT_AT = at(LocalDate.of(2026, 3, 25), 10);
    private static final Instant MOVE_IN_AT = at(LocalDate.of(2026, 4, 10), 10);
    private static final HolderFacts NEW_HOLDER = new HolderFacts("shibuya-77", NEW_MUNICIPALITY, HOLDER.basicInfo(), false);

    private static List<Object> movedOut() {
        var events = new ArrayList<>(activePair());
        events.add(new MovedOut(PAIR, MUNICIPALITY, NEW_MUNICIPALITY, PLANNED));
        events.add(new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.AFFILIATION_CHANGED, MOVE_OUT_AT));
        return events;
    }

    private static List<Object> handedOver(LocalDate filedOn) {
        var events = new ArrayList<>(movedOut());
        events.add(new JurisdictionHandedOver(PAIR, MUNICIPALITY, NEW_MUNICIPALITY, NEW_HOLDER, MOVED_IN, filedOn));
        return events;
    }

    @Test
    @DisplayName("R-MOV-1: a move-out revokes SIGN (basic items change, R-REV-2); AUTH and the card wait for the move-in")
    void moveOut() {
        fixtureAt(MOVE_OUT_AT).given(activePair())
                .when(new RecordMoveOut(PAIR, NEW_MUNICIPALITY, PLANNED))
                .expectEvents(new MovedOut(PAIR, MUNICIPALITY, NEW_MUNICIPALITY, PLANNED),
                        new CertificateRevoked(PAIR, CertificateKind.SIGN, "sign-1", RevocationReason.AFFILIATION_CHANGED, MOVE_OUT_AT))
                .expectScheduledDeadlineWithName(CertificateDeadlines.startOf(LocalDate.of(2026, 5, 2)),
                        CertificatePair.MOVE_PERIOD);
    }

    @Test
    @DisplayName("R-MOV-2: the destination's move-in in time hands the pair over; with the card presented it continues at once")
    void moveInHandsOver() {
        fixtureAt(MOVE_IN_AT).given(movedOut())
                .when(new RecordMoveIn(PAIR, MOVED_IN, NEW_HOLDER, true), FROM_NEW_MUNICIPALITY)
                .expectEvents(new JurisdictionHandedOver(PAIR, MUNICIPALITY, NEW_MUNICIPALITY, NEW_HOLDER, MOVED_IN,
                                LocalDate.of(2026, 4, 10)),
                        new CardUseContinued(PAIR, "card-1"));
    }

    @Test
    @DisplayName("R-MOV-2: a municipality the resident did not move to cannot take the pair")
    void otherMunicipality() {
        var stranger = new HolderFacts("x-1", "271004", HOLDER.basicInfo(), false);
        fixtureAt(MOVE_IN_AT).given(movedOut())
                .when(new RecordMoveIn(PAIR, MOVED_IN, stranger, true), Map.of(MetadataKeys.MUNICIPALITY, "271004"))
                .expectNoEvents().expectException(OutsideJurisdictionException.class);
    }

    @Test
    @DisplayName("R-MOV-2: a move-in filed on the 15th day after moving in voids the card and revokes AUTH")
    void lateMoveIn() {
        Instant late = at(LocalDate.of(2026, 4, 18), 10);
        fixtureAt(late).given(movedOut())
                .when(new RecordMoveIn(PAIR, MOVED_IN, NEW_HOLDER, true), FROM_NEW_MUNICIPALITY)
                .expectEvents(new JurisdictionHandedOver(PAIR, MUNICIPALITY, NEW_MUNICIPALITY, NEW_HOLDER, MOVED_IN,
                                LocalDate.of(2026, 4, 18)),
                        new MovePeriodMissed(PAIR, "R-MOV-2", LocalDate.of(2026, 4, 17)),
                        new CardInvalidated(PAIR, "card-1", CardInvalidationCause.REVOKED),
                        new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.CESSATION_OF_OPERATION, late));
    }

    @Test
    @DisplayName("R-MOV-3: without continued use within 90 days of the move-in, the card ends by deadline")
    void continuedUseMissed() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(MOVE_IN_AT, JapanTime.ZONE));
        Instant due = CertificateDeadlines.startOf(LocalDate.of(2026, 7, 10));
        fixture(rules(clock)).givenCurrentTime(MOVE_IN_AT).andGiven(movedOut())
                .andGivenCommands(List.of(new RecordMoveIn(PAIR, MOVED_IN, NEW_HOLDER, false)))
                .whenThenTimeAdvancesTo(due)
                .expectEvents(new MovePeriodMissed(PAIR, "R-MOV-3", LocalDate.of(2026, 7, 9)),
                        new CardInvalidated(PAIR, "card-1", CardInvalidationCause.REVOKED),
                        new CertificateRevoked(PAIR, CertificateKind.AUTH, "auth-1", RevocationReason.CESSATION_OF_OPERATION,
                                MOVE_IN_AT));
    }

    @Test
    @DisplayName("R-MOV-3: continued use on the 90th day is accepted, on the 91st refused")
    void continuedUseInTime() {
        fixtureAt(at(LocalDate.of(2026, 7, 9), 10)).given(handedOver(LocalDate.of(2026, 4, 10)))
                .when(new ContinueCardUse(PAIR), FROM_NEW_MUNICIPALITY)
                .expectEvents(new CardUseContinued(PAIR, "card-1"));
        assertRefused(fixtureAt(at(LocalDate.of(2026, 7, 10), 10)).given(handedOver(LocalDate.of(2026, 4, 10)))
                .when(new ContinueCardUse(PAIR), FROM_NEW_MUNICIPALITY), "R-MOV-3");
    }

    @Test
    @DisplayName("R-MOV-3 + R-MOV-2: SIGN is issued again at the new municipality once the card's use continues")
    void signAtTheNewMunicipality() {
        var signAgain = new jp.jpki.lifecycle.api.issuance.IssueCertificates(PAIR, "req-9", NEW_HOLDER, CARD, SIGN,
                ApplicantType.RESIDENT, List.of(), TERMINAL, null, false, false, null);
        assertRefused(fixtureAt(MOVE_IN_AT).given(handedOver(LocalDate.of(2026, 4, 10))).when(signAgain, FROM_NEW_MUNICIPALITY), "R-MOV-3");
        var continued = new ArrayList<>(handedOver(LocalDate.of(2026, 4, 10)));
        continued.add(new CardUseContinued(PAIR, "card-1"));
        fixtureAt(MOVE_IN_AT).given(continued)
                .when(signAgain, FROM_NEW_MUNICIPALITY)
                .expectEvents(new IssuanceRequested(PAIR, "req-9", NEW_HOLDER, CARD, PairFixtures.CARD_EXPIRY, SIGN,
                        ApplicantType.RESIDENT, TERMINAL, 0, null));
        assertRefusedByJurisdiction(continued, signAgain);
    }

    private static void assertRefusedByJurisdiction(List<Object> given, Object command) {
        fixtureAt(MOVE_IN_AT).given(given).when(command, Map.of(MetadataKeys.MUNICIPALITY, MUNICIPALITY))
                .expectNoEvents().expectException(OutsideJurisdictionException.class);
    }

}
