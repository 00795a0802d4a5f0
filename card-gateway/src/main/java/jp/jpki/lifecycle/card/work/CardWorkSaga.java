package jp.jpki.lifecycle.card.work;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import jp.jpki.lifecycle.api.card.CardPinReset;
import jp.jpki.lifecycle.api.card.CardPublicKeys;
import jp.jpki.lifecycle.api.card.CardWorkOrder;
import jp.jpki.lifecycle.api.card.CertificatesOnCard;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.TerminalAddress;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;
import jp.jpki.lifecycle.api.issuance.AbandonCardWork;
import jp.jpki.lifecycle.api.issuance.CardWorkAbandoned;
import jp.jpki.lifecycle.api.issuance.CardWorkFailed;
import jp.jpki.lifecycle.api.issuance.CertificatesIssued;
import jp.jpki.lifecycle.api.issuance.CertificatesWrittenToCard;
import jp.jpki.lifecycle.api.issuance.ConfirmCertificatesWritten;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.issuance.RecordCardKeysGenerated;
import jp.jpki.lifecycle.api.issuance.RecordCardWorkFailure;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.IssuedCertificate;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pin.ConfirmPinReset;
import jp.jpki.lifecycle.api.pin.PinReset;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.api.renewal.CertificatesRenewed;
import jp.jpki.lifecycle.api.renewal.RenewalRequested;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Drives one card-work request (docs/architecture.md "Issuance, step by step"): keys generated on the card →
 * certificates signed by the command side → written, read back and compared → confirmed. Each step is sent
 * to the terminal where the card is inserted; a failed step is recorded as an event and retried after a
 * back-off, up to {@link #MAX_ATTEMPTS}; then the work is abandoned and the command side revokes whatever it
 * signed but never reached the card.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CardWorkSaga {

    static final int MAX_ATTEMPTS = 3;
    static final String RETRY = "card-work-retry";
    static final String STEP_TIMEOUT = "card-work-step-timeout";
    /**
     * A step with no answer by then is recorded as failed and retried: the terminal may have gone away, or this
     * node crashed between sending the order and hearing back. Key generation takes well under a second.
     */
    static final Duration STEP_TIMEOUT_AFTER = Duration.ofSeconds(30);
    static final Duration BACKOFF = Duration.ofSeconds(2);
    static final String STEP_KEYS = "GENERATE_KEYS";
    static final String STEP_WRITE = "WRITE_CERTIFICATES";
    static final String STEP_PIN = "RESET_PIN";

    private String pairId;
    private String requestId;
    private String terminalId;
    private String cardId;
    private Set<CertificateKind> kinds;
    private CertificateKind pinKind;
    private Map<CertificateKind, String> certificates;
    private String step;
    private int attempt;
    private int lastFailedAttempt;

    @StartSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(IssuanceRequested e, TerminalDispatcher terminals, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        if (alreadyBegun()) {
            return;
        }
        begin(e.pairId(), e.requestId(), e.terminalId(), e.card().cardId(), e.kinds());
        generateKeys(terminals, commands, deadlines, clock);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(RenewalRequested e, TerminalDispatcher terminals, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        if (alreadyBegun()) {
            return;
        }
        begin(e.pairId(), e.requestId(), e.terminalId(), e.cardId(), e.kinds());
        generateKeys(terminals, commands, deadlines, clock);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(PinResetRequested e, TerminalDispatcher terminals, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        if (alreadyBegun()) {
            return;
        }
        begin(e.pairId(), e.requestId(), e.terminalId(), e.cardId(), Set.of(e.kind()));
        pinKind = e.kind();
        resetPin(terminals, commands, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = "requestId")
    public void on(CertificatesIssued e, TerminalDispatcher terminals, CommandGateway commands, CaCertificates ca, DeadlineManager deadlines, Clock clock) {
        write(e.certificates(), terminals, commands, ca, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = "requestId")
    public void on(CertificatesRenewed e, TerminalDispatcher terminals, CommandGateway commands, CaCertificates ca, DeadlineManager deadlines, Clock clock) {
        write(e.certificates(), terminals, commands, ca, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = "requestId")
    public void on(CardWorkFailed e, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        if (!e.step().equals(step) || e.attempt() <= lastFailedAttempt) {
            return; // a second report of one attempt (the card's answer and the timeout), or of an earlier step
        }
        lastFailedAttempt = e.attempt();
        if (e.attempt() >= MAX_ATTEMPTS) {
            commands.send(new AbandonCardWork(new PairId(pairId), requestId,
                    e.step() + " failed " + e.attempt() + " times: " + e.reason()));
        } else {
            deadlines.schedule(clock.instant().plus(BACKOFF.multipliedBy(e.attempt())), RETRY, step);
        }
    }

    /** The deadline's payload is the step to retry: Axon binds a deadline handler's first parameter to it. */
    @DeadlineHandler(deadlineName = RETRY)
    public void retry(String retriedStep, TerminalDispatcher terminals, CommandGateway commands, CaCertificates ca, DeadlineManager deadlines, Clock clock) {
        if (!retriedStep.equals(step)) {
            return; // the work moved on meanwhile: generating keys again would leave the signed certificates without them
        }
        switch (retriedStep) {
            case STEP_KEYS -> generateKeys(terminals, commands, deadlines, clock);
            case STEP_WRITE -> writeAgain(terminals, commands, ca, deadlines, clock);
            case STEP_PIN -> resetPin(terminals, commands, deadlines, clock);
            default -> throw new IllegalStateException("unknown card-work step " + retriedStep);
        }
    }

    /** The step in flight got no answer in time: recorded as a failure, which brings the usual retry. */
    @DeadlineHandler(deadlineName = STEP_TIMEOUT)
    public void timedOut(String timedOutStep, CommandGateway commands) {
        if (timedOutStep.equals(stepTimeoutKey())) {
            commands.send(new RecordCardWorkFailure(new PairId(pairId), requestId, step, attempt,
                    "no answer from terminal " + terminalId + " within " + STEP_TIMEOUT_AFTER.toSeconds() + " s"));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(CertificatesWrittenToCard e) {
        // the pair is active; nothing more to do at the card
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(PinReset e) {
        // the lock is cleared on the card and in the aggregate
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(CardWorkAbandoned e) {
        // compensation happened on the command side
    }

    /**
     * The start event delivered again (its processor's token is stored after the batch, so a crash redelivers it)
     * reaches the saga it started: the card must not be sent the first step a second time.
     */
    private boolean alreadyBegun() {
        return requestId != null;
    }

    private void begin(PairId pair, String request, String terminal, String card, Set<CertificateKind> certificateKinds) {
        pairId = pair.value();
        requestId = request;
        terminalId = terminal;
        cardId = card;
        kinds = Set.copyOf(certificateKinds);
        SagaLifecycle.associateWith("pairId", pairId);
    }

    private void generateKeys(TerminalDispatcher terminals, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        step = STEP_KEYS;
        dispatch(terminals, commands, deadlines, clock, new GenerateKeysOnCard(requestId, cardId, kinds), result -> {
            CardPublicKeys keys = (CardPublicKeys) result;
            return new RecordCardKeysGenerated(new PairId(pairId), requestId, keys.cardId(), keys.publicKeys());
        });
    }

    private void write(java.util.List<IssuedCertificate> issued, TerminalDispatcher terminals, CommandGateway commands, CaCertificates ca,
                       DeadlineManager deadlines, Clock clock) {
        step = STEP_WRITE;
        attempt = 0;
        lastFailedAttempt = 0;
        certificates = new EnumMap<>(CertificateKind.class);
        issued.forEach(c -> certificates.put(c.kind(), c.derBase64()));
        writeAgain(terminals, commands, ca, deadlines, clock);
    }

    private void writeAgain(TerminalDispatcher terminals, CommandGateway commands, CaCertificates ca, DeadlineManager deadlines, Clock clock) {
        dispatch(terminals, commands, deadlines, clock, new WriteCertificatesToCard(requestId, cardId, Map.copyOf(certificates), ca.all()),
                result -> {
                    CertificatesOnCard written = (CertificatesOnCard) result;
                    return new ConfirmCertificatesWritten(new PairId(pairId), requestId, written.cardId(), written.serials());
                });
    }

    private void resetPin(TerminalDispatcher terminals, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        step = STEP_PIN;
        dispatch(terminals, commands, deadlines, clock, new ResetPinOnCard(requestId, cardId, pinKind),
                result -> new ConfirmPinReset(new PairId(pairId), requestId, ((CardPinReset) result).cardId()));
    }

    /**
     * Sends the order to the terminal's own command name. The answer arrives asynchronously and becomes the command
     * that reports it to the pair; a failure (the card refused, no agent at that terminal, a timeout, or the pair
     * refusing the terminal's answer) is recorded on the pair as {@code CardWorkFailed}, which brings the retry
     * back here.
     */
    private void dispatch(TerminalDispatcher terminals, CommandGateway commands, DeadlineManager deadlines, Clock clock, CardWorkOrder order,
                          java.util.function.Function<Object, Object> report) {
        attempt++;
        deadlines.schedule(clock.instant().plus(STEP_TIMEOUT_AFTER), STEP_TIMEOUT, stepTimeoutKey());
        int thisAttempt = attempt;
        String currentStep = step;
        String name = TerminalAddress.commandName(terminalId, order.getClass());
        terminals.dispatch(new GenericCommandMessage<>(new GenericMessage<>(order), name),
                (CommandCallback<Object, Object>) (message, result) -> {
                    if (result.isExceptional()) {
                        commands.send(new RecordCardWorkFailure(new PairId(pairId), requestId, currentStep, thisAttempt,
                                reasonOf(result.exceptionResult())));
                    } else {
                        commands.send(report.apply(result.getPayload())).whenComplete((done, refused) -> {
                            if (refused != null) {
                                commands.send(new RecordCardWorkFailure(new PairId(pairId), requestId, currentStep, thisAttempt,
                                        reasonOf(refused)));
                            }
                        });
                    }
                });
    }

    /**
     * Timeouts are never cancelled, only outdated: the key names the step and the attempt, so a timeout for an
     * attempt that has since answered or been retried does nothing, and one that outlives the saga finds no saga. Cancelling would cost db-scheduler a read of
     * every scheduled deadline ("all within scope"), or fail the saga's unit of work when the deadline it names
     * has just fired ("by id").
     */
    private String stepTimeoutKey() {
        return step + "#" + attempt;
    }

    private static String reasonOf(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
