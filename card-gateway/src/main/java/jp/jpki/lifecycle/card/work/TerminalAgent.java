package jp.jpki.lifecycle.card.work;

import java.util.ArrayList;
import java.util.List;
import jp.jpki.lifecycle.api.card.CardWorkOrder;
import jp.jpki.lifecycle.api.card.GenerateKeysOnCard;
import jp.jpki.lifecycle.api.card.ResetPinOnCard;
import jp.jpki.lifecycle.api.card.TerminalAddress;
import jp.jpki.lifecycle.api.card.WriteCertificatesToCard;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs card work at one terminal. It subscribes the card-work commands under names that carry its own
 * terminal id, so the command bus (locally, or Axon Server across the network) delivers work for terminal
 * A only to the agent at terminal A. Steps are idempotent per request: a redelivered order for a request
 * already done at this terminal is answered from memory and never touches the card twice.
 */
public class TerminalAgent implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TerminalAgent.class);

    private final CommandBus commandBus;
    private final CardStation station;
    private final CompletedSteps completed = new CompletedSteps(10_000);
    private final List<Registration> registrations = new ArrayList<>();

    public TerminalAgent(CommandBus commandBus, CardStation station) {
        this.commandBus = commandBus;
        this.station = station;
    }

    @Override
    public void start() {
        String terminal = station.terminalId();
        registrations.add(commandBus.subscribe(TerminalAddress.commandName(terminal, GenerateKeysOnCard.class),
                message -> completed.once(stepKey(message, "keys"), () -> station.generateKeys(payload(message, GenerateKeysOnCard.class)))));
        registrations.add(commandBus.subscribe(TerminalAddress.commandName(terminal, WriteCertificatesToCard.class),
                message -> completed.once(stepKey(message, "write"), () -> {
                    station.writeCertificates(payload(message, WriteCertificatesToCard.class));
                    return Boolean.TRUE;
                })));
        registrations.add(commandBus.subscribe(TerminalAddress.commandName(terminal, ResetPinOnCard.class),
                message -> completed.once(stepKey(message, "pin-reset"), () -> {
                    station.resetPin(payload(message, ResetPinOnCard.class));
                    return Boolean.TRUE;
                })));
        log.info("card terminal {} is taking card work", terminal);
    }

    @Override
    public void stop() {
        registrations.forEach(Registration::cancel);
        registrations.clear();
    }

    @Override
    public boolean isRunning() {
        return !registrations.isEmpty();
    }

    private static String stepKey(CommandMessage<?> message, String step) {
        String requestId = ((CardWorkOrder) message.getPayload()).requestId();
        return requestId + "/" + step;
    }

    private static <T> T payload(CommandMessage<?> message, Class<T> type) {
        return type.cast(message.getPayload());
    }
}
