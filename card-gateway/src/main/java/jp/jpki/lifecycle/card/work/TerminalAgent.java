package jp.jpki.lifecycle.card.work;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
 * A only to the agent at terminal A. Steps are idempotent per card and request: a redelivered order for a
 * request already done on that card at this terminal is answered from memory and never touches the card twice;
 * the same request id naming another card is new work on that card.
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
                message -> once(message, GenerateKeysOnCard.class, station::generateKeys)));
        registrations.add(commandBus.subscribe(TerminalAddress.commandName(terminal, WriteCertificatesToCard.class),
                message -> once(message, WriteCertificatesToCard.class, station::writeCertificates)));
        registrations.add(commandBus.subscribe(TerminalAddress.commandName(terminal, ResetPinOnCard.class),
                message -> once(message, ResetPinOnCard.class, station::resetPin)));
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

    private <T extends CardWorkOrder> Object once(CommandMessage<?> message, Class<T> type, Function<T, Object> step) {
        T order = type.cast(message.getPayload());
        return completed.once(order, () -> step.apply(order));
    }
}
