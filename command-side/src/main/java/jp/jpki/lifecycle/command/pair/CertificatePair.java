package jp.jpki.lifecycle.command.pair;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.jpki.lifecycle.api.expiry.CertificateExpired;
import jp.jpki.lifecycle.api.expiry.ExpiryNoticeDue;
import jp.jpki.lifecycle.api.expiry.RenewalWindowOpened;
import jp.jpki.lifecycle.api.issuance.AbandonCardWork;
import jp.jpki.lifecycle.api.issuance.CardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CardWorkFailed;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.ConfirmCertificatesWritten;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.issuance.IssueCertificates;
import jp.jpki.lifecycle.api.issuance.RecordCardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.RecordCardWorkFailure;
import jp.jpki.lifecycle.api.move.CardUseContinued;
import jp.jpki.lifecycle.api.move.ContinueCardUse;
import jp.jpki.lifecycle.api.move.JurisdictionHandedOver;
import jp.jpki.lifecycle.api.move.MovePeriodMissed;
import jp.jpki.lifecycle.api.move.MovedOut;
import jp.jpki.lifecycle.api.move.RecordMoveIn;
import jp.jpki.lifecycle.api.move.RecordMoveOut;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.pin.ConfirmPinReset;
import jp.jpki.lifecycle.api.pin.PinLocked;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.pin.RecordPinLock;
import jp.jpki.lifecycle.api.pin.ResetPin;
import jp.jpki.lifecycle.api.proxy.InquiryAnswered;
import jp.jpki.lifecycle.api.proxy.InquiryLetterMailed;
import jp.jpki.lifecycle.api.proxy.OpenProxyApplication;
import jp.jpki.lifecycle.api.proxy.ProxyApplicationOpened;
import jp.jpki.lifecycle.api.proxy.RecordInquiryAnswer;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewCertificates;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import jp.jpki.lifecycle.api.revocation.BasicInfoChanged;
import jp.jpki.lifecycle.api.revocation.CardInvalidated;
import jp.jpki.lifecycle.api.revocation.CardInvalidationCause;
import jp.jpki.lifecycle.api.revocation.CertificateHeld;
import jp.jpki.lifecycle.api.revocation.CertificateRevoked;
import jp.jpki.lifecycle.api.revocation.ChangeBasicInfo;
import jp.jpki.lifecycle.api.revocation.EmigrationWithContinuedUseRecorded;
import jp.jpki.lifecycle.api.revocation.InvalidateCard;
import jp.jpki.lifecycle.api.revocation.RecordEmigrationWithContinuedUse;
import jp.jpki.lifecycle.api.revocation.ReportLoss;
import jp.jpki.lifecycle.api.revocation.ResidentRecordRemoved;
import jp.jpki.lifecycle.api.revocation.RevocationCause;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import jp.jpki.lifecycle.command.ca.CertificateAuthority;
import jp.jpki.lifecycle.command.origin.CommandOrigins;
import jp.jpki.lifecycle.command.origin.MissingOriginException;
import jp.jpki.lifecycle.command.policy.move.MovePeriods;
import jp.jpki.lifecycle.command.policy.validity.EndOfValidity;
import jp.jpki.lifecycle.command.register.PairRegister;
import jp.jpki.lifecycle.command.rules.Decision;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One resident's certificate pair (docs/domain.md). Command handlers decide with the pure policies in
 * {@link PairRules} and apply events; event-sourcing handlers only assign state. Kept in
 * {@link PairCacheConfiguration#CACHE} between commands, so a visit's follow-up commands skip the replay.
 */
@Aggregate(cache = PairCacheConfiguration.CACHE)
public class CertificatePair {

    /**
     * The identifier as a plain string: deadline scope descriptors are serialized with Jackson, which would turn a
     * {@link PairId} into a map and send every expiry deadline looking for an aggregate that does not exist.
     */
    @AggregateIdentifier
    private String id;
    private PairId pairId;
    private HolderFacts holder;
    private CardInfo card;
    private LocalDate cardExpiry;
    private boolean cardInvalidated;
    private final Map<CertificateKind, CertificateSlot> slots = new EnumMap<>(Map.of(
            CertificateKind.SIGN, new CertificateSlot(), CertificateKind.AUTH, new CertificateSlot()));
    private PendingCardWork pending;
    private final Map<String, ProxyApplication> proxyApplications = new HashMap<>();
    /** Cards this pair has left (invalidated, replaced): void for good (R-REV-3, R-ONE-3). */
    private final Set<String> retiredCards = new HashSet<>();
    private boolean residentRecordRemoved;
    /** A move-out to this municipality waits for its move-in (R-MOV-2). */
    private String movingTo;
    private LocalDate plannedMoveOn;
    /** The move-in was filed on this day and the card's continued use is not processed yet (R-MOV-3). */
    private LocalDate moveInFiledOn;

    protected CertificatePair() {
        // Axon rebuilds the aggregate from its events
    }

    // ---- issuance -------------------------------------------------------------------------------------

    /**
     * Every command on an existing pair from a counter must come from the resident's own municipality. A command
     * without a municipality must name the system component that sent it (R-ORG-1); which commands each
     * component may send is checked before any handler runs ({@code OriginInterceptor}).
     */
    @CommandHandlerInterceptor
    void onlyFromOwnMunicipality(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object caller = command.getMetaData().get(MetadataKeys.MUNICIPALITY);
        if (caller == null && !CommandOrigins.systemOrigin(command.getMetaData())) {
            throw new MissingOriginException(command.getPayloadType().getSimpleName() + " names no municipality and no system origin");
        }
        boolean moveInByDestination = command.getPayload() instanceof RecordMoveIn && caller != null
                && caller.equals(movingTo);
        if (caller != null && holder != null && !caller.equals(holder.municipalityCode()) && !moveInByDestination) {
            throw new OutsideJurisdictionException();
        }
        chain.proceed();
    }

    /**
     * After the resident record was removed nothing is done on the pair again, whoever asks (R-END-1): its card is
     * void. Deadlines are not commands and find no valid certificate left.
     */
    @CommandHandlerInterceptor
    void closedAfterRemoval(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (residentRecordRemoved) {
            throw new RuleViolationException("R-END-1", "the resident record was removed (death or removal from the "
                    + "register): card " + (card == null ? "-" : card.cardId()) + " is void and no certificate or PIN "
                    + "work is done for this pair again");
        }
        chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(IssueCertificates cmd, PairRules rules, @MetaDataValue(MetadataKeys.OFFICE) String officeId,
                       CardWorkWatchdog watchdog, DeadlineManager deadlines, PairRegister register) {
        requireNoCardWork();
        Procedure procedure = Procedure.ISSUANCE;
        rules.maintenance().check(rules.now()).orThrow();
        rules.offices().check(officeId, procedure, cmd.applicant()).orThrow();
        boolean sameCard = card != null && card.cardId().equals(cmd.card().cardId());
        if ((cardInvalidated && sameCard) || retiredCards.contains(cmd.card().cardId())) {
            throw new RuleViolationException("R-REV-3",
                    "this card is no longer valid; certificates can only be issued on a new card");
        }
        if (holder != null && !holder.residentRef().equals(cmd.holder().residentRef())) {
            throw new RuleViolationException(new Decision.Refused("R-ONE-2", "pair " + pairId
                    + " belongs to another resident; a pair carries one resident's certificates only",
                    Map.of("existingPairId", pairId.value())));
        }
        if (moveInFiledOn != null && sameCard) {
            throw new RuleViolationException("R-MOV-3", "process the card's continued use at this municipality "
                    + "first (card-continuations); certificates go only on a card that stays valid");
        }
        for (CertificateKind kind : cmd.kinds()) {
            CertificateSlot slot = slots.get(kind);
            if (slot.status == CertificateStatus.ON_HOLD && sameCard) {
                throw new RuleViolationException("R-REV-4", kind + " is on hold; revoke it before a new issue");
            }
            if (!slot.acceptsNewIssue() && sameCard) {
                throw new RuleViolationException("R-REV-5", kind + " is already active (serial " + slot.serialHex
                        + "); renew it inside the renewal window or revoke it first");
            }
        }
        rules.eligibility().checkCardKind(cmd.card()).orThrow();
        var cardExpiryDate = rules.validity().cardExpiry(cmd.card(), cmd.holder().dateOfBirth());
        rules.eligibility().checkIssuance(cmd.kinds(), cmd.holder(), cmd.card(), cardExpiryDate, cmd.applicant(),
                cmd.eligibilityOverrideReason(), rules.today()).orThrow();
        rules.validity().checkTermsFor(cmd.card().generation(), rules.today()).orThrow();
        requireAnsweredInquiryIfNeeded(rules, procedure, cmd.applicant(), cmd.kinds(), cmd.documents(),
                false, false, cmd.withMoveNotice(), cmd.proxyApplicationId());
        rules.documents().check(cmd.holder().municipalityCode(), procedure, cmd.applicant(), cmd.documents()).orThrow();
        int fee = rules.fees().feeYen(procedure, cmd.cardReissuedByOwnFault(), rules.today());
        // Last, once every rule has allowed it: the claim is rolled back with the command if anything fails after.
        register.claim(cmd.pairId(), cmd.card().cardId(),
                new PairRegister.ResidentKey(cmd.holder().municipalityCode(), cmd.holder().residentRef()));
        if (card != null && !sameCard) {
            leaveCard(rules);
        }
        apply(new IssuanceRequested(cmd.pairId(), cmd.requestId(), cmd.holder(), cmd.card(), cardExpiryDate,
                Set.copyOf(cmd.kinds()), cmd.applicant(), cmd.terminalId(), fee, cmd.eligibilityOverrideReason()));
        watchdog.watch(cmd.requestId(), rules.now(), deadlines);
    }

    @CommandHandler
    public void handle(RecordCardKeysGenerated cmd, PairRules rules, CertificateAuthority ca) {
        PendingCardWork work = cardWorkOf(cmd.requestId(), cmd.cardId());
        if (work.keysGenerated) {
            if (work.publicKeys.equals(cmd.publicKeys())) {
                return; // a redelivered answer from the card: the certificates were already signed
            }
            // Keys generated again (a terminal that forgot the first answer) would leave certificates over keys the
            // card no longer holds; the write step then refuses, and the work is abandoned and compensated.
            throw new RuleViolationException("R-CRD-5", "request " + cmd.requestId()
                    + " already has its keys; the certificates were signed over them, not over keys generated again");
        }
        if (work.type == PendingCardWork.Type.PIN_RESET || !cmd.publicKeys().keySet().equals(work.kinds)) {
            throw new StateConflictException("request " + cmd.requestId() + " expects keys for " + work.kinds);
        }
        apply(new CardKeysGenerated(pairId, cmd.requestId(), Map.copyOf(cmd.publicKeys())), work.origin);
        boolean renewal = work.type == PendingCardWork.Type.RENEWAL;
        var today = rules.today();
        Map<CertificateKind, IssuedCertificate> issued = new LinkedHashMap<>();
        // AUTH first: a SIGN issued alongside is capped by the new AUTH (R-VAL-3).
        for (CertificateKind kind : List.of(CertificateKind.AUTH, CertificateKind.SIGN)) {
            if (!work.kinds.contains(kind)) {
                continue;
            }
            var authNotAfter = issued.containsKey(CertificateKind.AUTH) ? issued.get(CertificateKind.AUTH).notAfter()
                    : slots.get(CertificateKind.AUTH).isActive() ? slots.get(CertificateKind.AUTH).notAfter : null;
            var notAfter = rules.validity().notAfter(kind, holder.dateOfBirth(), today, renewal, cardExpiry,
                    authNotAfter, card.generation());
            issued.put(kind, ca.issue(kind, cmd.publicKeys().get(kind),
                    kind == CertificateKind.SIGN ? holder.basicInfo() : null, notAfter));
        }
        List<IssuedCertificate> certificates = List.copyOf(issued.values());
        if (renewal) {
            apply(new CertificatesRenewed(pairId, cmd.requestId(), certificates, Map.copyOf(work.replacedSerials), work.feeYen),
                    work.origin);
        } else {
            apply(new CertificatesIssued(pairId, cmd.requestId(), certificates, work.feeYen), work.origin);
        }
    }

    @CommandHandler
    public void handle(ConfirmCertificatesWritten cmd, PairRules rules, DeadlineManager deadlines) {
        PendingCardWork work = cardWorkOf(cmd.requestId(), cmd.cardId());
        if (work.signed.isEmpty()) {
            throw new StateConflictException("request " + cmd.requestId() + " has no signed certificates to confirm");
        }
        if (!Set.copyOf(cmd.serials()).equals(work.signed.stream().map(IssuedCertificate::serialHex).collect(Collectors.toSet()))) {
            throw new RuleViolationException("R-CRD-5", "the certificates written are not the ones request "
                    + cmd.requestId() + " signed");
        }
        List<IssuedCertificate> written = List.copyOf(work.signed);
        Map<CertificateKind, String> superseded = new EnumMap<>(work.replacedSerials);
        MetaData origin = work.origin;
        apply(new CertificatesWrittenToCard(pairId, cmd.requestId(),
                written.stream().map(IssuedCertificate::serialHex).toList()), origin);
        // R-REN-2: the old certificate goes only once its successor is on the card.
        superseded.forEach((kind, serial) -> apply(new CertificateRevoked(pairId, kind, serial,
                RevocationReason.SUPERSEDED, rules.now()), origin));
        written.forEach(certificate -> scheduleDeadlines(certificate, rules, deadlines));
    }

    @CommandHandler
    public void handle(RecordCardWorkFailure cmd) {
        PendingCardWork work = pendingFor(cmd.requestId());
        apply(new CardWorkFailed(pairId, cmd.requestId(), cmd.step(), cmd.attempt(), cmd.reason()), work.origin);
    }

    @CommandHandler
    public void handle(AbandonCardWork cmd, PairRules rules) {
        abandon(cmd.requestId(), cmd.reason(), rules);
    }

    /** The backstop for card work nobody finishes or abandons (see {@link CardWorkWatchdog}). */
    @DeadlineHandler(deadlineName = CardWorkWatchdog.DEADLINE)
    public void onCardWorkWatchdog(String requestId, PairRules rules, CardWorkWatchdog watchdog) {
        abandon(requestId, "card work did not finish within " + watchdog.after(), rules);
    }

    private void abandon(String requestId, String reason, PairRules rules) {
        if (pending == null || !pending.requestId.equals(requestId)) {
            return; // already finished or abandoned: compensation runs once
        }
        // Compensation: a certificate signed but never on the card is revoked, not left dangling (R-REV-1 unspecified).
        MetaData origin = pending.origin;
        for (IssuedCertificate certificate : List.copyOf(pending.signed)) {
            apply(new CertificateRevoked(pairId, certificate.kind(), certificate.serialHex(),
                    RevocationReason.UNSPECIFIED, rules.now()), origin);
        }
        apply(new CardWorkAbandoned(pairId, requestId, reason), origin);
    }

    // ---- renewal --------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(RenewCertificates cmd, PairRules rules, @MetaDataValue(MetadataKeys.OFFICE) String officeId,
                       CardWorkWatchdog watchdog, DeadlineManager deadlines) {
        requireNoCardWork();
        Procedure procedure = Procedure.RENEWAL;
        rules.maintenance().check(rules.now()).orThrow();
        rules.offices().check(officeId, procedure, cmd.applicant()).orThrow();
        rules.eligibility().checkCardValid(cardExpiry, rules.today()).orThrow();
        for (CertificateKind kind : cmd.kinds()) {
            CertificateSlot slot = slots.get(kind);
            if (slot.status == CertificateStatus.EXPIRED) {
                throw new RuleViolationException("R-REN-3",
                        kind + " has expired; apply for a new issue (free of charge, k = 5)");
            }
            if (!slot.isActive()) {
                throw new RuleViolationException("R-REN-1", kind + " is " + slot.status + "; only an active certificate can be renewed");
            }
            rules.renewalWindow().check(slot.notAfter, rules.today()).orThrow();
        }
        requireAnsweredInquiryIfNeeded(rules, procedure, cmd.applicant(), cmd.kinds(), cmd.documents(),
                cmd.withExpiryNotice(), true, false, cmd.proxyApplicationId());
        rules.documents().check(holder.municipalityCode(), procedure, cmd.applicant(), cmd.documents()).orThrow();
        int fee = rules.fees().feeYen(procedure, false, rules.today());
        apply(new RenewalRequested(pairId, cmd.requestId(), card.cardId(), Set.copyOf(cmd.kinds()), cmd.applicant(), cmd.terminalId(), fee));
        watchdog.watch(cmd.requestId(), rules.now(), deadlines);
    }

    // ---- PIN ------------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(RecordPinLock cmd) {
        if (card.faceAuthentication()) {
            throw new RuleViolationException("R-ELG-4", "a face-authentication card has no PINs");
        }
        CertificateSlot slot = slots.get(cmd.kind());
        if (!slot.isLive()) {
            throw new RuleViolationException("R-PIN-3", cmd.kind() + " is " + slot.status + "; a lock is recorded only on a valid certificate");
        }
        if (!slot.pinLocked) {
            apply(new PinLocked(pairId, cmd.kind()));
        }
    }

    @CommandHandler
    public void handle(ResetPin cmd, PairRules rules, @MetaDataValue(MetadataKeys.OFFICE) String officeId,
                       CardWorkWatchdog watchdog, DeadlineManager deadlines) {
        requireNoCardWork();
        Procedure procedure = Procedure.PIN_RESET;
        if (card.faceAuthentication()) {
            throw new RuleViolationException("R-ELG-4", "a face-authentication card has no PINs to reset");
        }
        CertificateSlot slot = slots.get(cmd.kind());
        if (!slot.isActive()) {
            throw new RuleViolationException("R-PIN-4", cmd.kind() + " is " + slot.status + "; a PIN reset needs a valid certificate");
        }
        rules.maintenance().check(rules.now()).orThrow();
        rules.offices().check(officeId, procedure, cmd.applicant()).orThrow();
        rules.eligibility().checkApplicant(holder, cmd.applicant(), rules.today()).orThrow();
        requireAnsweredInquiryIfNeeded(rules, procedure, cmd.applicant(), Set.of(cmd.kind()), cmd.documents(),
                false, true, false, cmd.proxyApplicationId());
        rules.documents().check(holder.municipalityCode(), procedure, cmd.applicant(), cmd.documents()).orThrow();
        apply(new PinResetRequested(pairId, cmd.requestId(), card.cardId(), cmd.kind(), cmd.terminalId()));
        watchdog.watch(cmd.requestId(), rules.now(), deadlines);
    }

    @CommandHandler
    public void handle(ConfirmPinReset cmd) {
        PendingCardWork work = cardWorkOf(cmd.requestId(), cmd.cardId());
        if (work.type != PendingCardWork.Type.PIN_RESET) {
            throw new StateConflictException("request " + cmd.requestId() + " is not a PIN reset");
        }
        apply(new PinReset(pairId, cmd.requestId(), work.kinds.iterator().next()), work.origin);
    }

    // ---- revocation -----------------------------------------------------------------------------------

    @CommandHandler
    public void handle(RevokeCertificates cmd, PairRules rules) {
        requireNoCardWork();
        if (cmd.cause() == RevocationCause.RESIDENT_RECORD_REMOVED) {
            // R-END-1: recorded even when nothing is valid any more, so the card can never be used again.
            apply(new ResidentRecordRemoved(pairId, card == null ? null : card.cardId()));
            revoke(live(), cmd.cause().reason(), rules);
            return;
        }
        Set<CertificateKind> kinds = cmd.cause().revokesBoth() ? live() : cmd.kinds();
        for (CertificateKind kind : inKindOrder(kinds)) {
            CertificateSlot slot = slots.get(kind);
            if (slot.status == CertificateStatus.REVOKED) {
                throw new RuleViolationException("R-REV-5", kind + " is already revoked; revocation is final — apply for a new issue");
            }
            if (!slot.isLive()) {
                throw new RuleViolationException("R-REV-1", kind + " is " + slot.status + "; there is nothing to revoke");
            }
        }
        if (kinds.isEmpty()) {
            throw new RuleViolationException("R-REV-1", "no valid certificate to revoke");
        }
        revoke(kinds, cmd.cause().reason(), rules);
    }

    @CommandHandler
    public void handle(ReportLoss cmd, PairRules rules) {
        List<CertificateKind> active = slots.entrySet().stream().filter(e -> e.getValue().isActive())
                .map(Map.Entry::getKey).toList();
        if (active.isEmpty()) {
            throw new RuleViolationException("R-REV-4", "no active certificate to put on hold");
        }
        active.forEach(kind -> apply(new CertificateHeld(pairId, kind, slots.get(kind).serialHex, rules.now())));
    }

    @CommandHandler
    public void handle(ChangeBasicInfo cmd, PairRules rules) {
        apply(new BasicInfoChanged(pairId, Set.copyOf(cmd.changedItems()), cmd.effectiveOn()));
        revokeSignOnly(rules); // R-REV-2: AUTH survives
    }

    @CommandHandler
    public void handle(RecordEmigrationWithContinuedUse cmd, PairRules rules) {
        apply(new EmigrationWithContinuedUseRecorded(pairId, cmd.emigratedOn()));
        revokeSignOnly(rules); // R-REV-2
    }

    @CommandHandler
    public void handle(InvalidateCard cmd, PairRules rules) {
        requireNoCardWork();
        if (cardInvalidated) {
            throw new RuleViolationException("R-REV-3", "card " + card.cardId() + " is already invalidated");
        }
        apply(new CardInvalidated(pairId, card.cardId(), cmd.cause()));
        revoke(live(), cmd.cause().reason(), rules); // R-REV-3: both
    }

    // ---- moving between municipalities ------------------------------------------------------------------

    /** 転出: SIGN goes at once (R-MOV-1); the card and AUTH wait for the move-in within its period (R-MOV-2). */
    @CommandHandler
    public void handle(RecordMoveOut cmd, PairRules rules, MovePeriods periods, DeadlineManager deadlines) {
        requireNoCardWork();
        if (card == null || cardInvalidated) {
            throw new RuleViolationException("R-MOV-1", "the pair has no valid card to keep through a move");
        }
        if (movingTo != null) {
            throw new StateConflictException("a move-out to " + movingTo + " is already recorded for this pair");
        }
        if (cmd.toMunicipalityCode().equals(holder.municipalityCode())) {
            throw new RuleViolationException("R-MOV-1", "a move within the municipality is a change of address "
                    + "(basic-info-changes), not a move-out");
        }
        apply(new MovedOut(pairId, holder.municipalityCode(), cmd.toMunicipalityCode(), cmd.plannedMoveOn()));
        revokeSignOnly(rules);
        LocalDate lastDay = periods.lastMoveInDay(cmd.plannedMoveOn(), null);
        deadlines.schedule(CertificateDeadlines.startOf(lastDay.plusDays(1)), MOVE_PERIOD, new MoveDue("R-MOV-2", lastDay));
    }

    /**
     * 転入 at the destination: the pair passes to it (R-MOV-2). Filed late, the card is void; with the card presented
     * its continued use is processed at once, otherwise within 90 days (R-MOV-3).
     */
    @CommandHandler
    public void handle(RecordMoveIn cmd, PairRules rules, MovePeriods periods, DeadlineManager deadlines) {
        requireNoCardWork();
        if (movingTo == null || !movingTo.equals(cmd.holder().municipalityCode())) {
            throw new RuleViolationException("R-MOV-2", "no move-out to " + cmd.holder().municipalityCode()
                    + " is recorded for this pair; the old municipality records the move-out first");
        }
        LocalDate today = rules.today();
        Decision inTime = periods.checkMoveIn(plannedMoveOn, cmd.movedInOn(), today);
        apply(new JurisdictionHandedOver(pairId, holder.municipalityCode(), movingTo, cmd.holder(), cmd.movedInOn(), today));
        if (inTime instanceof Decision.Refused late) {
            if (!cardInvalidated) {
                voidCardForMove("R-MOV-2", LocalDate.parse((String) late.facts().get("lastDay")), rules);
            }
            return;
        }
        if (cmd.cardContinued()) {
            apply(new CardUseContinued(pairId, card.cardId()));
        } else {
            LocalDate lastDay = periods.lastContinuedUseDay(today);
            deadlines.schedule(CertificateDeadlines.startOf(lastDay.plusDays(1)), MOVE_PERIOD, new MoveDue("R-MOV-3", lastDay));
        }
    }

    @CommandHandler
    public void handle(ContinueCardUse cmd, PairRules rules, MovePeriods periods) {
        if (moveInFiledOn == null || cardInvalidated) {
            throw new RuleViolationException("R-MOV-3", "no move-in waits for this card's continued use");
        }
        periods.checkContinuedUse(moveInFiledOn, rules.today()).orThrow();
        apply(new CardUseContinued(pairId, card.cardId()));
    }

    /** A period of the move ran out with its step not done: the card ends, and what it held (R-MOV-2, R-MOV-3). */
    @DeadlineHandler(deadlineName = MOVE_PERIOD)
    public void onMovePeriod(MoveDue due, PairRules rules, MovePeriods periods) {
        boolean stillOpen = due.ruleId().equals("R-MOV-2") ? movingTo != null
                : moveInFiledOn != null && due.lastDay().equals(periods.lastContinuedUseDay(moveInFiledOn));
        if (stillOpen && card != null && !cardInvalidated) {
            voidCardForMove(due.ruleId(), due.lastDay(), rules);
        }
    }

    private void voidCardForMove(String ruleId, LocalDate lastDay, PairRules rules) {
        apply(new MovePeriodMissed(pairId, ruleId, lastDay));
        apply(new CardInvalidated(pairId, card.cardId(), CardInvalidationCause.REVOKED));
        revoke(live(), RevocationReason.CESSATION_OF_OPERATION, rules);
    }

    static final String MOVE_PERIOD = "move-period";

    /** Payload of a move's deadline: which period, and its last day. */
    record MoveDue(String ruleId, LocalDate lastDay) {
    }

    // ---- proxy ----------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenProxyApplication cmd, PairRules rules, @MetaDataValue(MetadataKeys.OFFICE) String officeId) {
        if (proxyApplications.containsKey(cmd.applicationId())) {
            throw new StateConflictException("proxy application " + cmd.applicationId() + " already exists");
        }
        // An office that takes no proxies says so on visit 1, not after the resident has answered the letter (R-PRC-5).
        rules.offices().check(officeId, cmd.procedure(), ApplicantType.VOLUNTARY_PROXY).orThrow();
        HolderFacts facts = holder != null ? holder : cmd.holder();
        if (facts == null) {
            throw new RuleViolationException("R-PRC-2", "a first issue by proxy needs the holder's facts");
        }
        rules.documents().check(facts.municipalityCode(), cmd.procedure(),
                ApplicantType.VOLUNTARY_PROXY, cmd.proxyDocuments()).orThrow();
        apply(new ProxyApplicationOpened(cmd.pairId(), cmd.applicationId(), cmd.procedure(), Set.copyOf(cmd.kinds()), facts));
        // Visit 1 never issues anything: it mails the inquiry letter to the registered address (R-PRC-2).
        apply(new InquiryLetterMailed(cmd.pairId(), cmd.applicationId(), rules.today()));
    }

    @CommandHandler
    public void handle(RecordInquiryAnswer cmd) {
        ProxyApplication application = proxyApplications.get(cmd.applicationId());
        if (application == null) {
            throw new RuleViolationException("R-PRC-2", "no proxy application " + cmd.applicationId() + " was opened");
        }
        if (!application.answered()) {
            apply(new InquiryAnswered(pairId, cmd.applicationId()));
        }
    }

    // ---- deadlines ------------------------------------------------------------------------------------

    @DeadlineHandler(deadlineName = CertificateDeadlines.EXPIRY)
    public void onExpiry(CertificateDeadlines.Due due) {
        CertificateSlot slot = slots.get(due.kind());
        if (slot.isActive() && due.serialHex().equals(slot.serialHex)) {
            apply(new CertificateExpired(pairId, due.kind(), slot.serialHex, slot.notAfter));
        }
    }

    @DeadlineHandler(deadlineName = CertificateDeadlines.RENEWAL_WINDOW)
    public void onRenewalWindow(CertificateDeadlines.Due due, PairRules rules) {
        CertificateSlot slot = slots.get(due.kind());
        if (slot.isActive() && due.serialHex().equals(slot.serialHex)) {
            apply(new RenewalWindowOpened(pairId, due.kind(), slot.serialHex,
                    rules.renewalWindow().opensOn(slot.notAfter), slot.notAfter));
        }
    }

    @DeadlineHandler(deadlineName = CertificateDeadlines.EXPIRY_NOTICE)
    public void onExpiryNotice(CertificateDeadlines.Due due) {
        CertificateSlot slot = slots.get(due.kind());
        if (slot.isActive() && due.serialHex().equals(slot.serialHex)) {
            apply(new ExpiryNoticeDue(pairId, due.kind(), slot.serialHex, slot.notAfter));
        }
    }

    // ---- decisions shared by several handlers ----------------------------------------------------------

    private void requireNoCardWork() {
        if (pending != null) {
            throw new StateConflictException("card work " + pending.requestId + " (" + pending.type
                    + ") is still in progress on this pair; wait for it to finish or be abandoned");
        }
    }

    private PendingCardWork pendingFor(String requestId) {
        if (pending == null || !pending.requestId.equals(requestId)) {
            throw new StateConflictException("no card work " + requestId + " is in progress on this pair");
        }
        return pending;
    }

    /**
     * The pending card work, when an answer from a terminal names it and the pair's own card (R-CRD-5): keys or a
     * confirmation from any other card, or for any other request, would bind this resident's certificates to a
     * card that is not theirs.
     */
    private PendingCardWork cardWorkOf(String requestId, String cardId) {
        if (pending == null || !pending.requestId.equals(requestId)) {
            throw new RuleViolationException("R-CRD-5", "no card work " + requestId + " is pending on this pair");
        }
        if (!card.cardId().equals(cardId)) {
            throw new RuleViolationException("R-CRD-5", "card work " + requestId + " is for card " + card.cardId()
                    + ", not for card " + cardId);
        }
        return pending;
    }

    private void requireAnsweredInquiryIfNeeded(PairRules rules, Procedure procedure,
                                                ApplicantType applicant,
                                                Set<CertificateKind> kinds, List<DocumentClass> documents,
                                                boolean withExpiryNotice, boolean stillValid, boolean withMoveNotice,
                                                String proxyApplicationId) {
        if (!rules.proxies().requiresAnsweredInquiry(procedure, applicant, kinds, documents, withExpiryNotice,
                stillValid, withMoveNotice)) {
            return;
        }
        ProxyApplication application = proxyApplicationId == null ? null : proxyApplications.get(proxyApplicationId);
        if (application == null || application.procedure() != procedure || !application.kinds().containsAll(kinds)) {
            throw new RuleViolationException("R-PRC-2", "a proxy needs two visits: open a proxy application for "
                    + procedure + " first; the inquiry letter goes to the registered address");
        }
        if (!application.answered()) {
            throw new RuleViolationException("R-PRC-2", "the inquiry letter of application " + proxyApplicationId
                    + " has not been answered yet; nothing is issued before visit 2");
        }
    }

    private Set<CertificateKind> live() {
        return slots.entrySet().stream().filter(e -> e.getValue().isLive()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * R-ONE-3: the pair moves to the resident's new card (loss, damage, a renewed card), so the old card is void and
     * what it held is revoked: held certificates as a loss (R-REV-4 ends a hold only in revocation), the others as
     * superseded by the new card.
     */
    private void leaveCard(PairRules rules) {
        if (!cardInvalidated) {
            apply(new CardInvalidated(pairId, card.cardId(), CardInvalidationCause.REISSUED));
        }
        for (CertificateKind kind : inKindOrder(live())) {
            CertificateSlot slot = slots.get(kind);
            RevocationReason reason = slot.status == CertificateStatus.ON_HOLD ? RevocationReason.KEY_COMPROMISE
                    : RevocationReason.SUPERSEDED;
            apply(new CertificateRevoked(pairId, kind, slot.serialHex, reason, rules.now()));
        }
    }

    private void revokeSignOnly(PairRules rules) {
        if (slots.get(CertificateKind.SIGN).isLive()) {
            revoke(Set.of(CertificateKind.SIGN), RevocationReason.AFFILIATION_CHANGED, rules);
        }
    }

    private void revoke(Set<CertificateKind> kinds, RevocationReason reason, PairRules rules) {
        inKindOrder(kinds).forEach(kind -> apply(new CertificateRevoked(pairId, kind, slots.get(kind).serialHex, reason,
                rules.now())));
    }

    /**
     * SIGN before AUTH whatever the set: {@code Set.of} iterates in an order that changes from one JVM run to the
     * next, and the events one command records must come out in the same order every time.
     */
    private static List<CertificateKind> inKindOrder(Set<CertificateKind> kinds) {
        return Arrays.stream(CertificateKind.values()).filter(kinds::contains).toList();
    }

    private void scheduleDeadlines(IssuedCertificate certificate, PairRules rules, DeadlineManager deadlines) {
        var due = new CertificateDeadlines.Due(certificate.kind(), certificate.serialHex());
        var notAfter = certificate.notAfter();
        deadlines.schedule(EndOfValidity.expiredAt(notAfter), CertificateDeadlines.EXPIRY, due); // R-VAL-7
        deadlines.schedule(CertificateDeadlines.startOf(rules.renewalWindow().opensOn(notAfter)),
                CertificateDeadlines.RENEWAL_WINDOW, due);
        deadlines.schedule(CertificateDeadlines.startOf(rules.renewalWindow().expiryNoticeDue(notAfter)),
                CertificateDeadlines.EXPIRY_NOTICE, due);
    }

    // ---- event sourcing: state only --------------------------------------------------------------------

    @EventSourcingHandler
    void on(IssuanceRequested e, MetaData metaData) {
        pairId = e.pairId();
        id = pairId.value();
        holder = e.holder();
        if (card == null || !card.cardId().equals(e.card().cardId())) {
            cardInvalidated = false;
        }
        card = e.card();
        cardExpiry = e.cardExpiry();
        pending = new PendingCardWork(e.requestId(), PendingCardWork.Type.ISSUANCE, e.kinds(), e.feeYen());
        pending.origin = origin(metaData);
        e.kinds().forEach(kind -> {
            pending.statusBefore.put(kind, slots.get(kind).status);
            slots.get(kind).status = CertificateStatus.ISSUING;
        });
    }

    @EventSourcingHandler
    void on(RenewalRequested e, MetaData metaData) {
        pending = new PendingCardWork(e.requestId(), PendingCardWork.Type.RENEWAL, e.kinds(), e.feeYen());
        pending.origin = origin(metaData);
        e.kinds().forEach(kind -> pending.replacedSerials.put(kind, slots.get(kind).serialHex));
    }

    @EventSourcingHandler
    void on(CardKeysGenerated e) {
        pending.keysGenerated = true;
        pending.publicKeys.putAll(e.publicKeys());
    }

    @EventSourcingHandler
    void on(CertificatesIssued e) {
        pending.signed.addAll(e.certificates());
    }

    @EventSourcingHandler
    void on(CertificatesRenewed e) {
        pending.signed.addAll(e.certificates());
    }

    @EventSourcingHandler
    void on(CertificatesWrittenToCard e) {
        for (IssuedCertificate certificate : pending.signed) {
            CertificateSlot slot = slots.get(certificate.kind());
            slot.status = CertificateStatus.ACTIVE;
            slot.serialHex = certificate.serialHex();
            slot.notAfter = certificate.notAfter();
            slot.pinLocked = false; // new keys come with new PINs
        }
        pending = null;
    }

    @EventSourcingHandler
    void on(CardWorkAbandoned e) {
        pending.statusBefore.forEach((kind, status) -> slots.get(kind).status = status);
        pending = null;
    }

    @EventSourcingHandler
    void on(PinResetRequested e, MetaData metaData) {
        pending = new PendingCardWork(e.requestId(), PendingCardWork.Type.PIN_RESET, Set.of(e.kind()), 0);
        pending.origin = origin(metaData);
    }

    @EventSourcingHandler
    void on(PinReset e) {
        slots.get(e.kind()).pinLocked = false;
        pending = null;
    }

    @EventSourcingHandler
    void on(PinLocked e) {
        slots.get(e.kind()).pinLocked = true;
    }

    @EventSourcingHandler
    void on(CertificateRevoked e) {
        CertificateSlot slot = slots.get(e.kind());
        // Only the slot's current certificate changes it: one superseded by a renewal or signed but never written is
        // not the current one. The reason does not decide: a card re-issue revokes the current ones as superseded.
        if (e.serialHex().equals(slot.serialHex)) {
            slot.status = CertificateStatus.REVOKED;
        }
    }

    @EventSourcingHandler
    void on(CertificateHeld e) {
        slots.get(e.kind()).status = CertificateStatus.ON_HOLD;
    }

    @EventSourcingHandler
    void on(CertificateExpired e) {
        slots.get(e.kind()).status = CertificateStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(CardInvalidated e) {
        cardInvalidated = true;
        retiredCards.add(e.cardId());
    }

    @EventSourcingHandler
    void on(MovedOut e) {
        movingTo = e.toMunicipalityCode();
        plannedMoveOn = e.plannedMoveOn();
    }

    @EventSourcingHandler
    void on(JurisdictionHandedOver e) {
        holder = e.holder();
        movingTo = null;
        plannedMoveOn = null;
        moveInFiledOn = e.filedOn();
    }

    @EventSourcingHandler
    void on(CardUseContinued e) {
        moveInFiledOn = null;
    }

    @EventSourcingHandler
    void on(MovePeriodMissed e) {
        moveInFiledOn = null;
    }

    @EventSourcingHandler
    void on(ResidentRecordRemoved e) {
        residentRecordRemoved = true;
        if (e.cardId() != null) {
            retiredCards.add(e.cardId());
        }
    }

    @EventSourcingHandler
    void on(ProxyApplicationOpened e) {
        pairId = e.pairId();
        id = pairId.value();
        if (holder == null) {
            holder = e.holder();
        }
        proxyApplications.put(e.applicationId(), new ProxyApplication(e.procedure(), e.kinds(), false));
    }

    @EventSourcingHandler
    void on(InquiryAnswered e) {
        proxyApplications.computeIfPresent(e.applicationId(), (id, a) -> a.answer());
    }

    /** The caller's part of a request's metadata (R-STA-1); the card's answers arrive without it. */
    private static MetaData origin(MetaData request) {
        return request.subset(MetadataKeys.OPERATOR, MetadataKeys.OFFICE, MetadataKeys.MUNICIPALITY, MetadataKeys.CHANNEL,
                MetadataKeys.TERMINAL);
    }

    /** A voluntary proxy's two-visit application (R-PRC-2). */
    private record ProxyApplication(Procedure procedure, Set<CertificateKind> kinds, boolean answered) {
        ProxyApplication answer() {
            return new ProxyApplication(procedure, kinds, true);
        }
    }
}
