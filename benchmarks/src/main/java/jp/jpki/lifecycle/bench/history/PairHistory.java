package jp.jpki.lifecycle.bench.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.expiry.ExpiryNoticeDue;
import jp.jpki.lifecycle.api.expiry.RenewalWindowOpened;
import jp.jpki.lifecycle.api.issuance.CardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.lifecycle.CertificateSlot;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.Channel;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.BasicInfoChanged;
import jp.jpki.lifecycle.api.revocation.CardInvalidated;
import jp.jpki.lifecycle.api.revocation.CardInvalidationCause;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The history of one certificate pair from its first issue to today, as the command side would have recorded it:
 * only transitions the aggregate allows, in the order its handlers apply events, with the caller metadata the
 * counter command carries and its correlation ids. Counter visits happen in office hours; expiries, renewal
 * windows and expiry notices are the system's deadlines and carry no caller. No card work is left pending.
 * <p>
 * Yearly rates are rough national figures: PIN locks about 5 % of holders a year (most reset within weeks), a
 * basic-information change 4 %, a lost card 0.6 %, a holder giving the service up 0.2 %, deaths 0.7 %; three
 * quarters of holders renew inside the window, the rest let the certificates expire, and a card is replaced when
 * it reaches its own expiry.
 */
final class PairHistory {

    static final String AGGREGATE_TYPE = "CertificatePair";

    private enum Hazard { PIN_LOCK, BASIC_INFO_CHANGE, LOSS, HOLDER_REQUEST, DEATH }

    private static final Map<Hazard, Double> PER_YEAR = Map.of(Hazard.PIN_LOCK, 0.05, Hazard.BASIC_INFO_CHANGE, 0.04,
            Hazard.LOSS, 0.006, Hazard.HOLDER_REQUEST, 0.002, Hazard.DEATH, 0.007);
    private static final double TOTAL_PER_YEAR = PER_YEAR.values().stream().mapToDouble(Double::doubleValue).sum();
    /** Cards issued per year since 2016, in thousands nationally; most came with the 2020–2023 point campaigns. */
    private static final int[] UPTAKE = {6, 3, 3, 3, 12, 15, 25, 20, 8, 5, 5};
    private static final int FIRST_YEAR = 2016;

    /** What the load drivers need to know of the pair at the end of its history. */
    record Summary(String pairId, String municipality, String officeId, String residentRef, String cardId,
                   Map<CertificateKind, CertificateStatus> statuses, Map<CertificateKind, String> serials) {
    }

    private final Random random;
    private final CertificateTemplates certificates;
    private final LocalDate today;
    private final PairId pairId;
    private final Geography.Municipality municipality;
    private final HolderFacts holder;
    private final Map<CertificateKind, CertificateSlot> slots = new EnumMap<>(CertificateKind.class);
    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    private CardInfo card;
    private LocalDate cardExpiry;
    private Instant last = Instant.EPOCH;
    private Map<String, Object> visit;

    private PairHistory(int index, Geography geography, CertificateTemplates certificates, LocalDate today, Random random) {
        this.random = random;
        this.certificates = certificates;
        this.today = today;
        this.pairId = new PairId("gen-%08d".formatted(index));
        this.municipality = geography.pick(random);
        LocalDate born = LocalDate.of(1935 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
        this.holder = new HolderFacts("R-" + municipality.code() + "-" + index, municipality.code(),
                new BasicFourItems("Resident " + index, "Synthetic address " + index, born, random.nextBoolean() ? Sex.MALE : Sex.FEMALE),
                false);
        for (CertificateKind kind : CertificateKind.values()) {
            slots.put(kind, CertificateSlot.NONE);
        }
    }

    /** Generates pair number {@code index}; the same seed gives the same history. */
    static PairHistory generate(int index, Geography geography, CertificateTemplates certificates, LocalDate today, Random random) {
        PairHistory history = new PairHistory(index, geography, certificates, today, random);
        history.live();
        return history;
    }

    List<DomainEventMessage<?>> events() {
        return events;
    }

    Summary summary() {
        Map<CertificateKind, CertificateStatus> statuses = new EnumMap<>(CertificateKind.class);
        Map<CertificateKind, String> serials = new EnumMap<>(CertificateKind.class);
        slots.forEach((kind, slot) -> {
            statuses.put(kind, slot.status());
            serials.put(kind, slot.serialHex() == null ? "" : slot.serialHex());
        });
        return new Summary(pairId.value(), municipality.code(), municipality.offices().get(0), holder.residentRef(),
                card.cardId(), statuses, serials);
    }

    // ---- the timeline ----------------------------------------------------------------------------------

    private void live() {
        LocalDate day = firstIssueDay();
        issue(day, Set.of(CertificateKind.SIGN, CertificateKind.AUTH), newCard(day), 0);
        while (!day.isAfter(today) && anyLive()) {
            LocalDate renewalOpens = slots.values().stream().filter(s -> s.isActive())
                    .map(s -> windowOpens(s.notAfter())).min(LocalDate::compareTo).orElse(LocalDate.MAX);
            LocalDate hazardDay = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) / TOTAL_PER_YEAR * 365));
            if (renewalOpens.isAfter(today) && hazardDay.isAfter(today)) {
                return;
            }
            day = renewalOpens.isAfter(hazardDay) ? hazard(pickHazard(), hazardDay) : renewalDue(renewalOpens);
            if (day == null) {
                return;
            }
        }
    }

    /** @return the day the history continues from, or null when it ends here (today reached or the pair closed) */
    private LocalDate renewalDue(LocalDate opens) {
        List<CertificateKind> due = kinds(s -> s.isActive() && !windowOpens(s.notAfter()).isAfter(opens));
        LocalDate notAfter = slots.get(due.get(0)).notAfter();
        for (CertificateKind kind : due) {
            CertificateSlot slot = slots.get(kind);
            system(new ExpiryNoticeDue(pairId, kind, slot.serialHex(), slot.notAfter()), notAfter.minusMonths(3));
            system(new RenewalWindowOpened(pairId, kind, slot.serialHex(), opens, slot.notAfter()), opens);
        }
        boolean cardOutlivesWindow = cardExpiry.isAfter(notAfter.plusMonths(6));
        if (cardOutlivesWindow && random.nextDouble() < 0.75) {
            LocalDate renewalDay = opens.plusDays(random.nextInt(85));
            if (renewalDay.isAfter(today)) {
                return null;
            }
            renew(due, renewalDay);
            return renewalDay;
        }
        LocalDate expiredOn = notAfter.plusDays(1);
        if (expiredOn.isAfter(today)) {
            return null;
        }
        for (CertificateKind kind : kinds(s -> s.isActive() && !s.notAfter().isAfter(notAfter))) {
            CertificateSlot slot = slots.get(kind);
            system(new CertificateExpired(pairId, kind, slot.serialHex(), slot.notAfter()), expiredOn);
        }
        double dice = random.nextDouble();
        if (!cardOutlivesWindow && dice < 0.8 || cardOutlivesWindow && dice < 0.4) {
            LocalDate again = expiredOn.plusDays(7 + random.nextInt(120));
            if (again.isAfter(today)) {
                return null;
            }
            Set<CertificateKind> kinds = Set.copyOf(kinds(s -> !s.isActive()));
            issue(again, kinds, cardOutlivesWindow ? card : newCard(again), 0);
            return again;
        }
        return anyLive() ? expiredOn : null;
    }

    private LocalDate hazard(Hazard hazard, LocalDate day) {
        switch (hazard) {
            case PIN_LOCK -> pinLock(day);
            case BASIC_INFO_CHANGE -> basicInfoChange(day);
            case LOSS -> {
                return loss(day);
            }
            case HOLDER_REQUEST -> {
                counterVisit(day);
                revoke(kinds(s -> s.isLive()), RevocationReason.CESSATION_OF_OPERATION);
                return null;
            }
            case DEATH -> {
                counterVisit(day);
                revoke(kinds(s -> s.isLive()), RevocationReason.CESSATION_OF_OPERATION);
                return null;
            }
        }
        return day;
    }

    private void pinLock(LocalDate day) {
        List<CertificateKind> lockable = kinds(s -> s.isActive() && !s.pinLocked());
        if (lockable.isEmpty()) {
            return;
        }
        CertificateKind kind = lockable.get(random.nextInt(lockable.size()));
        counterVisit(day);
        counter(new PinLocked(pairId, kind));
        LocalDate resetDay = day.plusDays(random.nextInt(20));
        if (random.nextDouble() < 0.85 && !resetDay.isAfter(today) && !resetDay.isAfter(slots.get(kind).notAfter())) {
            counterVisit(resetDay);
            String request = requestId();
            counter(new PinResetRequested(pairId, request, card.cardId(), kind, terminal()));
            counter(new PinReset(pairId, request, kind));
        }
    }

    private void basicInfoChange(LocalDate day) {
        counterVisit(day);
        counter(new BasicInfoChanged(pairId, Set.of(random.nextDouble() < 0.8 ? BasicItem.ADDRESS : BasicItem.NAME), day));
        if (slots.get(CertificateKind.SIGN).isLive()) {
            revoke(List.of(CertificateKind.SIGN), RevocationReason.AFFILIATION_CHANGED);
            if (random.nextDouble() < 0.7 && slots.get(CertificateKind.AUTH).isActive()) {
                issue(day, Set.of(CertificateKind.SIGN), card, 0);
            }
        }
    }

    /** A lost card: the call centre holds the certificates, the counter revokes them, a new card may follow. */
    private LocalDate loss(LocalDate day) {
        List<CertificateKind> active = kinds(s -> s.isActive());
        if (active.isEmpty()) {
            return day;
        }
        visit = callCentre(day);
        for (CertificateKind kind : active) {
            CertificateSlot slot = slots.get(kind);
            append(new CertificateHeld(pairId, kind, slot.serialHex(), last), last);
        }
        LocalDate revokedOn = day.plusDays(1 + random.nextInt(10));
        if (revokedOn.isAfter(today)) {
            return null;
        }
        counterVisit(revokedOn);
        revoke(kinds(s -> s.isLive()), RevocationReason.KEY_COMPROMISE);
        LocalDate newCardOn = revokedOn.plusDays(20 + random.nextInt(40));
        if (random.nextDouble() < 0.85 && !newCardOn.isAfter(today)) {
            issue(newCardOn, Set.of(CertificateKind.SIGN, CertificateKind.AUTH), newCard(newCardOn), 200);
            return newCardOn;
        }
        return null;
    }

    // ---- the commands' events ---------------------------------------------------------------------------

    private void issue(LocalDate day, Set<CertificateKind> kinds, CardInfo onCard, int feeYen) {
        counterVisit(day);
        if (card != null && onCard != card && anyLive()) {
            // R-REV-3: the old card's certificates go before the new card gets any
            counter(new CardInvalidated(pairId, card.cardId(), CardInvalidationCause.REISSUED));
            revoke(kinds(s -> s.isLive()), CardInvalidationCause.REISSUED.reason());
        }
        card = onCard;
        cardExpiry = holder.dateOfBirth().withYear(onCard.issuedOn().getYear() + 10);
        String request = requestId();
        counter(new IssuanceRequested(pairId, request, holder, onCard, cardExpiry, kinds, ApplicantType.RESIDENT, terminal(),
                feeYen, null));
        counter(new CardKeysGenerated(pairId, request, publicKeys(kinds)));
        List<IssuedCertificate> signed = sign(kinds, day);
        counter(new CertificatesIssued(pairId, request, signed, feeYen));
        written(request, signed);
    }

    private void renew(List<CertificateKind> kinds, LocalDate day) {
        counterVisit(day);
        String request = requestId();
        Set<CertificateKind> kindSet = Set.copyOf(kinds);
        counter(new RenewalRequested(pairId, request, card.cardId(), kindSet, ApplicantType.RESIDENT, terminal(), 0));
        counter(new CardKeysGenerated(pairId, request, publicKeys(kindSet)));
        Map<CertificateKind, String> replaced = new EnumMap<>(CertificateKind.class);
        kinds.forEach(kind -> replaced.put(kind, slots.get(kind).serialHex()));
        List<IssuedCertificate> signed = sign(kindSet, day);
        counter(new CertificatesRenewed(pairId, request, signed, Map.copyOf(replaced), 0));
        written(request, signed);
        for (CertificateKind kind : CertificateKind.values()) {
            if (replaced.containsKey(kind)) {
                counter(new CertificateRevoked(pairId, kind, replaced.get(kind), RevocationReason.SUPERSEDED, last));
            }
        }
    }

    /** AUTH first, as the aggregate signs them: SIGN is capped by the new AUTH's validity (R-VAL-3). */
    private List<IssuedCertificate> sign(Set<CertificateKind> kinds, LocalDate day) {
        Map<CertificateKind, IssuedCertificate> signed = new LinkedHashMap<>();
        LocalDate fiveYears = holder.dateOfBirth().withYear(day.getYear() + 5);
        LocalDate authNotAfter = fiveYears.isAfter(cardExpiry) ? cardExpiry : fiveYears;
        CertificateSlot auth = slots.get(CertificateKind.AUTH);
        LocalDate signNotAfter = kinds.contains(CertificateKind.AUTH) || !auth.isActive() ? authNotAfter
                : min(authNotAfter, auth.notAfter());
        for (CertificateKind kind : List.of(CertificateKind.AUTH, CertificateKind.SIGN)) {
            if (kinds.contains(kind)) {
                LocalDate notAfter = kind == CertificateKind.AUTH ? authNotAfter : signNotAfter;
                signed.put(kind, certificates.certificate(kind, day, notAfter, random));
            }
        }
        return List.copyOf(signed.values());
    }

    private void written(String request, List<IssuedCertificate> signed) {
        counter(new CertificatesWrittenToCard(pairId, request, signed.stream().map(IssuedCertificate::serialHex).toList()));
    }

    /** SIGN before AUTH, as the aggregate revokes them. */
    private void revoke(List<CertificateKind> kinds, RevocationReason reason) {
        for (CertificateKind kind : CertificateKind.values()) {
            if (kinds.contains(kind)) {
                counter(new CertificateRevoked(pairId, kind, slots.get(kind).serialHex(), reason, last));
            }
        }
    }

    // ---- metadata, time and identifiers ------------------------------------------------------------------

    /** A new counter visit: one operator at one terminal of one of the municipality's offices. */
    private void counterVisit(LocalDate day) {
        String office = municipality.offices().get(random.nextInt(municipality.offices().size()));
        visit = correlation();
        visit.put(MetadataKeys.OPERATOR, "op-" + office + "-" + random.nextInt(12));
        visit.put(MetadataKeys.OFFICE, office);
        visit.put(MetadataKeys.MUNICIPALITY, municipality.code());
        visit.put(MetadataKeys.TERMINAL, office + "-terminal-" + random.nextInt(4));
        visit.put(MetadataKeys.CHANNEL, Channel.COUNTER.name());
        last = max(last, JapanDays.at(day, 9 + random.nextInt(8), random.nextInt(60)));
    }

    private Map<String, Object> callCentre(LocalDate day) {
        Map<String, Object> metadata = correlation();
        metadata.put(MetadataKeys.OPERATOR, "cc-op-" + random.nextInt(40));
        metadata.put(MetadataKeys.OFFICE, "jlis-call-centre");
        metadata.put(MetadataKeys.CHANNEL, Channel.CALL_CENTRE.name());
        last = max(last, JapanDays.at(day, 8 + random.nextInt(14), random.nextInt(60)));
        return metadata;
    }

    private Map<String, Object> correlation() {
        String id = uuid();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("traceId", id);
        metadata.put("correlationId", id);
        return metadata;
    }

    private void counter(Object payload) {
        last = last.plusMillis(200 + random.nextInt(3000));
        append(payload, last);
    }

    private void system(Object payload, LocalDate day) {
        visit = correlation(); // a deadline fires without a caller: no operator, office or channel
        last = max(last, JapanDays.midnight(day));
        append(payload, last);
    }

    /** Every event goes through the lifecycle fold, so the generator decides on the state the aggregate would hold. */
    private void append(Object payload, Instant at) {
        slots.replaceAll((kind, slot) -> slot.next(kind, payload));
        events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, pairId.value(), events.size(), payload, Map.copyOf(visit), uuid(), at));
    }

    private String uuid() {
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L, random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }

    private String requestId() {
        return uuid();
    }

    private String terminal() {
        return (String) visit.get(MetadataKeys.TERMINAL);
    }

    private CardInfo newCard(LocalDate day) {
        return new CardInfo("CARD-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE), day.minusDays(40), day.minusDays(14), null,
                CardGeneration.FIRST, false);
    }

    private Map<CertificateKind, String> publicKeys(Set<CertificateKind> kinds) {
        Map<CertificateKind, String> keys = new EnumMap<>(CertificateKind.class);
        kinds.forEach(kind -> keys.put(kind, certificates.publicKey()));
        return Map.copyOf(keys);
    }

    private LocalDate firstIssueDay() {
        int span = Math.min(UPTAKE.length, today.getYear() - FIRST_YEAR + 1);
        int total = 0;
        for (int i = 0; i < span; i++) {
            total += UPTAKE[i];
        }
        int dice = random.nextInt(total);
        int year = 0;
        while (dice >= UPTAKE[year]) {
            dice -= UPTAKE[year++];
        }
        LocalDate start = LocalDate.of(FIRST_YEAR + year, 1, 4).plusDays(random.nextInt(360));
        LocalDate latest = today.minusDays(1);
        return start.isAfter(latest) ? latest.minusDays(random.nextInt(300)) : start;
    }

    private Hazard pickHazard() {
        double dice = random.nextDouble() * TOTAL_PER_YEAR;
        for (Hazard hazard : Hazard.values()) {
            dice -= PER_YEAR.get(hazard);
            if (dice < 0) {
                return hazard;
            }
        }
        return Hazard.PIN_LOCK;
    }

    private List<CertificateKind> kinds(Predicate<CertificateSlot> condition) {
        return slots.entrySet().stream().filter(e -> condition.test(e.getValue())).map(Map.Entry::getKey).toList();
    }

    private boolean anyLive() {
        return slots.values().stream().anyMatch(CertificateSlot::isLive);
    }

    private static LocalDate windowOpens(LocalDate notAfter) {
        return notAfter.minusMonths(3).plusDays(1);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
