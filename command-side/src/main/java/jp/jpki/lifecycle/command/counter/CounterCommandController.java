package jp.jpki.lifecycle.command.counter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.jpki.lifecycle.api.issuance.IssueCertificates;
import jp.jpki.lifecycle.api.move.ContinueCardUse;
import jp.jpki.lifecycle.api.move.RecordMoveIn;
import jp.jpki.lifecycle.api.move.RecordMoveOut;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pin.RecordPinLock;
import jp.jpki.lifecycle.api.pin.ResetPin;
import jp.jpki.lifecycle.api.proxy.OpenProxyApplication;
import jp.jpki.lifecycle.api.proxy.RecordInquiryAnswer;
import jp.jpki.lifecycle.api.renewal.RenewCertificates;
import jp.jpki.lifecycle.api.revocation.ChangeBasicInfo;
import jp.jpki.lifecycle.api.revocation.InvalidateCard;
import jp.jpki.lifecycle.api.revocation.RecordEmigrationWithContinuedUse;
import jp.jpki.lifecycle.api.revocation.ReportLoss;
import jp.jpki.lifecycle.api.revocation.RevocationCause;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import jp.jpki.lifecycle.edge.StaffIdentity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counter's commands (docs/architecture.md "APIs"). Thin: validate, map to a command with the caller's
 * metadata, send, answer. Card operations answer 202: the card work runs in the card-work saga and its
 * progress shows in the pair's view.
 */
@RestController
@RequestMapping("/api/certificate-pairs")
@Tag(name = "counter", description = "Counter procedures on certificate pairs")
class CounterCommandController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandGateway commands;
    private final CallerMetadata caller;
    private final IdempotencyKeys idempotency;
    private final CounterTerminals terminals;

    CounterCommandController(CommandGateway commands, CallerMetadata caller, IdempotencyKeys idempotency,
                             CounterTerminals terminals) {
        this.commands = commands;
        this.caller = caller;
        this.idempotency = idempotency;
        this.terminals = terminals;
    }

    @PostMapping
    @Operation(summary = "Issue certificates on a card (first issue, after expiry or revocation)")
    ResponseEntity<?> issue(@Valid @RequestBody CounterRequests.Issue body, Authentication auth,
                            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        PairId pairId = body.pairId() == null ? PairId.random() : new PairId(body.pairId());
        return issueOn(pairId, body, auth, key);
    }

    @PostMapping("/{pairId}/issuances")
    @Operation(summary = "Issue certificates again on an existing pair (after revocation or expiry; R-REV-5, R-REN-3)")
    ResponseEntity<?> reissue(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.Issue body,
                              Authentication auth, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return issueOn(pairId, body, auth, key);
    }

    private ResponseEntity<?> issueOn(PairId pairId, CounterRequests.Issue body, Authentication auth, String key) {
        if (!body.holder().municipalityCode().equals(StaffIdentity.of(auth).municipalityCode())) {
            throw new HolderOutsideJurisdictionException();
        }
        if (body.eligibilityOverrideReason() != null && !StaffIdentity.of(auth).hasRole("SUPERVISOR")) {
            throw new RuleViolationException("R-ELG-2", "only a supervisor may override SIGN eligibility");
        }
        return cardWork(auth, key, pairId, body.terminalId(), requestId -> new IssueCertificates(pairId, requestId,
                body.holder().toFacts(), body.card().toInfo(), body.kinds(), body.applicant(), documents(body.documents()),
                body.terminalId(), body.proxyApplicationId(), body.withMoveNotice(), body.cardReissuedByOwnFault(),
                body.eligibilityOverrideReason()));
    }

    @PostMapping("/{pairId}/renewals")
    @Operation(summary = "Renew inside the renewal window (R-REN-1); new keys, 6th birthday (R-VAL-4)")
    ResponseEntity<?> renew(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.Renew body,
                            Authentication auth, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return cardWork(auth, key, pairId, body.terminalId(), requestId -> new RenewCertificates(pairId, requestId,
                body.kinds(), body.applicant(), documents(body.documents()), body.terminalId(), body.proxyApplicationId(),
                body.withExpiryNotice()));
    }

    @PostMapping("/{pairId}/pin-locks")
    @Operation(summary = "Record a PIN lock seen on the card or reported (R-PIN-2, R-PIN-3)")
    ResponseEntity<?> recordPinLock(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.PinLock body,
                                    Authentication auth, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return done(auth, key, pairId, new RecordPinLock(pairId, body.kind()));
    }

    @PostMapping("/{pairId}/pin-resets")
    @Operation(summary = "Reset a PIN at the counter (R-PIN-4); the new PIN is typed on the terminal only (R-PIN-5)")
    ResponseEntity<?> resetPin(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.PinResetRequest body,
                               Authentication auth, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return cardWork(auth, key, pairId, body.terminalId(), requestId -> new ResetPin(pairId, requestId, body.kind(),
                body.applicant(), documents(body.documents()), body.terminalId(), body.proxyApplicationId()));
    }

    @PostMapping("/{pairId}/revocations")
    @Operation(summary = "Revoke for a cause (R-REV-1, R-REV-3, R-REV-5)")
    ResponseEntity<?> revoke(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.Revoke body,
                             Authentication auth, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        Set<CertificateKind> kinds = body.kinds() == null ? Set.of() : body.kinds();
        if (body.cause() == RevocationCause.CA_KEY_COMPROMISE) {
            throw new RuleViolationException("R-REV-7", "a CA key compromise is declared by the CA's operators for "
                    + "every certificate the key signed, not at a counter for one pair");
        }
        if (kinds.isEmpty() && !body.cause().revokesBoth()) {
            throw new RuleViolationException("R-REV-1", "name the certificates to revoke (kinds)");
        }
        return done(auth, key, pairId, new RevokeCertificates(pairId, kinds, body.cause()));
    }

    @PostMapping("/{pairId}/basic-info-changes")
    @Operation(summary = "A basic item changed: SIGN is revoked, AUTH survives (R-REV-2)")
    ResponseEntity<?> changeBasicInfo(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.BasicInfoChange body,
                                      Authentication auth, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return done(auth, key, pairId, new ChangeBasicInfo(pairId, body.changedItems(), body.effectiveOn()));
    }

    @PostMapping("/{pairId}/emigrations")
    @Operation(summary = "Emigration with continued use: SIGN is revoked (R-REV-2)")
    ResponseEntity<?> emigrate(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.Emigration body,
                               Authentication auth, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return done(auth, key, pairId, new RecordEmigrationWithContinuedUse(pairId, body.emigratedOn()));
    }

    @PostMapping("/{pairId}/move-outs")
    @Operation(summary = "転出 to another municipality: SIGN is revoked, card and AUTH wait for the move-in (R-MOV-1)")
    ResponseEntity<?> moveOut(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.MoveOut body, Authentication auth,
                              @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return done(auth, key, pairId, new RecordMoveOut(pairId, body.toMunicipalityCode(), body.plannedMoveOn()));
    }

    @PostMapping("/{pairId}/move-ins")
    @Operation(summary = "転入 here: the pair passes to this municipality within the legal periods (R-MOV-2, R-MOV-3)")
    ResponseEntity<?> moveIn(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.MoveIn body, Authentication auth,
                             @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        if (!body.holder().municipalityCode().equals(StaffIdentity.of(auth).municipalityCode())) {
            throw new HolderOutsideJurisdictionException();
        }
        return done(auth, key, pairId, new RecordMoveIn(pairId, body.movedInOn(), body.holder().toFacts(), body.cardContinued()));
    }

    @PostMapping("/{pairId}/card-continuations")
    @Operation(summary = "The card's continued use after a move-in, within 90 days (R-MOV-3)")
    ResponseEntity<?> continueCardUse(@PathVariable PairId pairId, Authentication auth,
                                      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return done(auth, key, pairId, new ContinueCardUse(pairId));
    }

    @PostMapping("/{pairId}/loss-reports")
    @Operation(summary = "Loss reported: both certificates on hold, never released (R-REV-4)")
    ResponseEntity<?> reportLoss(@PathVariable PairId pairId, Authentication auth,
                                 @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return done(auth, key, pairId, new ReportLoss(pairId));
    }

    @PostMapping("/{pairId}/card-invalidations")
    @Operation(summary = "The card is void: both certificates are revoked (R-REV-3)")
    ResponseEntity<?> invalidateCard(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.CardInvalidation body,
                                     Authentication auth, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return done(auth, key, pairId, new InvalidateCard(pairId, body.cause()));
    }

    @PostMapping("/{pairId}/proxy-applications")
    @Operation(summary = "Visit 1 of a voluntary proxy: the inquiry letter is mailed, nothing is issued (R-PRC-2)")
    ResponseEntity<?> openProxyApplication(@PathVariable PairId pairId, @Valid @RequestBody CounterRequests.ProxyApplication body,
                                           Authentication auth, @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        String applicationId = body.applicationId() == null ? UUID.randomUUID().toString() : body.applicationId();
        return once(auth, key, () -> {
            send(new OpenProxyApplication(pairId, applicationId, body.procedure(), body.kinds(),
                    body.holder() == null ? null : body.holder().toFacts(), documents(body.proxyDocuments())),
                    caller.of(auth, null, key));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/certificate-pairs/" + pairId + "/proxy-applications/" + applicationId))
                    .body(Map.of("pairId", pairId.value(), "applicationId", applicationId));
        });
    }

    @PostMapping("/{pairId}/proxy-applications/{applicationId}/answers")
    @Operation(summary = "Visit 2: the answered inquiry letter is brought back (R-PRC-2)")
    ResponseEntity<?> answerInquiry(@PathVariable PairId pairId, @PathVariable String applicationId,
                                    @Valid @RequestBody CounterRequests.InquiryAnswer body, Authentication auth,
                                    @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        if (!applicationId.matches(CounterRequests.PROXY_APPLICATION)) {
            throw new IllegalArgumentException("invalid applicationId: 4-64 characters of A-Z, a-z, 0-9 or '-'");
        }
        return done(auth, key, pairId, new RecordInquiryAnswer(pairId, applicationId, documents(body.proxyDocuments())));
    }

    /**
     * A command that starts card work at a terminal of the caller's office (R-TRM-1): answered 202 with the card-work
     * request id, new for every command. A retry with the same Idempotency-Key gets the first answer and its id.
     */
    private ResponseEntity<?> cardWork(Authentication auth, String key, PairId pairId, String terminalId,
                                       Function<String, Object> command) {
        terminals.check(StaffIdentity.of(auth).officeId(), terminalId).orThrow();
        return once(auth, key, () -> {
            String requestId = UUID.randomUUID().toString();
            send(command.apply(requestId), caller.of(auth, terminalId, key));
            return accepted(pairId, requestId);
        });
    }

    private ResponseEntity<?> done(Authentication auth, String key, PairId pairId, Object command) {
        return once(auth, key, () -> {
            send(command, caller.of(auth, null, key));
            return ResponseEntity.ok(Map.of("pairId", pairId.value()));
        });
    }

    private ResponseEntity<?> once(Authentication auth, String key, Supplier<ResponseEntity<?>> action) {
        return idempotency.once(auth.getName(), key, CapturedRequestBody.fingerprint(), action);
    }

    private void send(Object command, MetaData metaData) {
        commands.sendAndWait(command, metaData);
    }

    private static ResponseEntity<?> accepted(PairId pairId, String requestId) {
        return ResponseEntity.accepted().location(URI.create("/api/certificate-pairs/" + pairId))
                .body(Map.of("pairId", pairId.value(), "requestId", requestId));
    }

    private static List<DocumentClass> documents(List<DocumentClass> shown) {
        return shown == null ? List.of() : List.copyOf(shown);
    }
}
