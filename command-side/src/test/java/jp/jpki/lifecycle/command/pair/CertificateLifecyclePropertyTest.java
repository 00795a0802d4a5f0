package jp.jpki.lifecycle.command.pair;

import static jp.jpki.lifecycle.command.pair.PairFixtures.KEYS;
import static jp.jpki.lifecycle.command.pair.PairFixtures.PAIR;
import static jp.jpki.lifecycle.command.pair.PairFixtures.TERMINAL;
import static jp.jpki.lifecycle.command.pair.PairFixtures.activePair;
import static jp.jpki.lifecycle.command.pair.PairFixtures.assertRefused;
import static jp.jpki.lifecycle.command.pair.PairFixtures.at;
import static jp.jpki.lifecycle.command.pair.PairFixtures.certificate;
import static jp.jpki.lifecycle.command.pair.PairFixtures.fixtureAt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.issuance.CardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.lifecycle.CertificateSlot;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.pin.RecordPinLock;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.api.revocation.ReportLoss;
import jp.jpki.lifecycle.api.revocation.RevocationCause;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lifecycle fold ({@link CertificateSlot}) against the aggregate's decisions: for generated histories of a pair,
 * a revocation, a loss report and a PIN lock are refused or carried out exactly as the folded statuses say, and
 * name the folded serials. Histories mix whole card-work episodes with holds, revocations and expiries that name
 * either the current serial or a stale one (a superseded or never-written certificate).
 */
class CertificateLifecyclePropertyTest {

    private static final Instant NOW = at(LocalDate.of(2026, 5, 1), 10);

    enum Action { HOLD, REVOKE, EXPIRE, PIN_LOCK, PIN_RESET, REISSUE, RENEW, ABANDONED_ISSUE, ABANDONED_RENEWAL }

    record Step(Action action, CertificateKind kind, boolean currentSerial) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Action.class), Arbitraries.of(CertificateKind.class),
                Arbitraries.of(true, true, false)).as(Step::new);
        return step.list().ofMaxSize(12);
    }

    @Property(tries = 100)
    @Label("R-REV-1, R-REV-5: a revocation follows the folded status and names the folded serial")
    void revocation_follows_the_fold(@ForAll("histories") List<Step> steps, @ForAll CertificateKind kind) {
        List<Object> events = history(steps);
        CertificateSlot slot = fold(events).get(kind);
        var result = fixtureAt(NOW).given(events)
                .when(new RevokeCertificates(PAIR, Set.of(kind), RevocationCause.HOLDER_REQUEST));
        if (slot.status() == CertificateStatus.REVOKED) {
            assertRefused(result, "R-REV-5");
        } else if (!slot.isLive()) {
            assertRefused(result, "R-REV-1");
        } else {
            result.expectEvents(new CertificateRevoked(PAIR, kind, slot.serialHex(),
                    RevocationReason.CESSATION_OF_OPERATION, NOW));
        }
    }

    @Property(tries = 100)
    @Label("R-REV-4: a loss report holds exactly the certificates the fold shows active")
    void loss_report_follows_the_fold(@ForAll("histories") List<Step> steps) {
        List<Object> events = history(steps);
        Map<CertificateKind, CertificateSlot> slots = fold(events);
        List<Object> holds = new ArrayList<>();
        slots.forEach((kind, slot) -> {
            if (slot.isActive()) {
                holds.add(new CertificateHeld(PAIR, kind, slot.serialHex(), NOW));
            }
        });
        var result = fixtureAt(NOW).given(events).when(new ReportLoss(PAIR));
        if (holds.isEmpty()) {
            assertRefused(result, "R-REV-4");
        } else {
            result.expectEvents(holds.toArray());
        }
    }

    @Property(tries = 100)
    @Label("R-PIN-3: a PIN lock is recorded only on a live certificate whose PIN is not locked yet")
    void pin_lock_follows_the_fold(@ForAll("histories") List<Step> steps, @ForAll CertificateKind kind) {
        List<Object> events = history(steps);
        CertificateSlot slot = fold(events).get(kind);
        var result = fixtureAt(NOW).given(events).when(new RecordPinLock(PAIR, kind));
        if (!slot.isLive()) {
            assertRefused(result, "R-PIN-3");
        } else if (slot.pinLocked()) {
            result.expectSuccessfulHandlerExecution().expectNoEvents();
        } else {
            result.expectEvents(new PinLocked(PAIR, kind));
        }
    }

    private static Map<CertificateKind, CertificateSlot> fold(List<Object> events) {
        Map<CertificateKind, CertificateSlot> slots = new EnumMap<>(CertificateKind.class);
        for (CertificateKind kind : CertificateKind.values()) {
            CertificateSlot slot = CertificateSlot.NONE;
            for (Object event : events) {
                slot = slot.next(kind, event);
            }
            slots.put(kind, slot);
        }
        return slots;
    }

    /** An active pair, then the steps; card work always runs as a whole episode, as the aggregate records it. */
    private static List<Object> history(List<Step> steps) {
        List<Object> events = new ArrayList<>(activePair());
        Map<CertificateKind, String> current = new EnumMap<>(Map.of(CertificateKind.SIGN, "sign-1", CertificateKind.AUTH, "auth-1"));
        int n = 0;
        for (Step step : steps) {
            n++;
            CertificateKind kind = step.kind();
            String serial = step.currentSerial() ? current.get(kind) : "stale-" + n;
            String request = "req-step-" + n;
            IssuedCertificate next = certificate(kind, kind.name().toLowerCase() + "-" + n, NOW, LocalDate.of(2031, 11, 14));
            switch (step.action()) {
                case HOLD -> events.add(new CertificateHeld(PAIR, kind, serial, NOW));
                case REVOKE -> events.add(new CertificateRevoked(PAIR, kind, serial, RevocationReason.KEY_COMPROMISE, NOW));
                case EXPIRE -> events.add(new CertificateExpired(PAIR, kind, serial, LocalDate.of(2028, 11, 14)));
                case PIN_LOCK -> events.add(new PinLocked(PAIR, kind));
                case PIN_RESET -> {
                    events.add(new PinResetRequested(PAIR, request, "card-1", kind, TERMINAL));
                    events.add(new PinReset(PAIR, request, kind));
                }
                case REISSUE, ABANDONED_ISSUE -> {
                    events.add(new IssuanceRequested(PAIR, request, PairFixtures.HOLDER, PairFixtures.CARD,
                            PairFixtures.CARD_EXPIRY, Set.of(kind), ApplicantType.RESIDENT, TERMINAL, 0, null));
                    events.add(new CardKeysGenerated(PAIR, request, Map.of(kind, KEYS.get(kind))));
                    events.add(new CertificatesIssued(PAIR, request, List.of(next), 0));
                    if (step.action() == Action.REISSUE) {
                        events.add(new CertificatesWrittenToCard(PAIR, request, List.of(next.serialHex())));
                        current.put(kind, next.serialHex());
                    } else {
                        events.add(new CertificateRevoked(PAIR, kind, next.serialHex(), RevocationReason.UNSPECIFIED, NOW));
                        events.add(new CardWorkAbandoned(PAIR, request, "the card was taken out"));
                    }
                }
                case RENEW, ABANDONED_RENEWAL -> {
                    String old = current.get(kind);
                    events.add(new RenewalRequested(PAIR, request, "card-1", Set.of(kind), ApplicantType.RESIDENT, TERMINAL, 0));
                    events.add(new CardKeysGenerated(PAIR, request, Map.of(kind, KEYS.get(kind))));
                    events.add(new CertificatesRenewed(PAIR, request, List.of(next), Map.of(kind, old), 0));
                    if (step.action() == Action.RENEW) {
                        events.add(new CertificatesWrittenToCard(PAIR, request, List.of(next.serialHex())));
                        events.add(new CertificateRevoked(PAIR, kind, old, RevocationReason.SUPERSEDED, NOW));
                        current.put(kind, next.serialHex());
                    } else {
                        events.add(new CardWorkAbandoned(PAIR, request, "the card was taken out"));
                    }
                }
            }
        }
        return events;
    }
}
