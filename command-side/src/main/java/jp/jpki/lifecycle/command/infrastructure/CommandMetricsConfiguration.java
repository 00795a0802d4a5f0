package jp.jpki.lifecycle.command.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.jpki.lifecycle.command.pair.OutsideJurisdictionException;
import jp.jpki.lifecycle.command.pair.StateConflictException;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operational metrics of the write side (docs/operations.md): {@code jpki.commands{command, outcome}} times
 * every command handled (refusals per rule id are counted where every refusal is answered, in the counter API), and
 * {@code jpki.events.appended{event}} counts events appended to the store.
 */
@Configuration(proxyBeanMethods = false)
public class CommandMetricsConfiguration {

    @Bean
    SmartInitializingSingleton commandMetrics(CommandBus commandBus, EventStore eventStore, MeterRegistry meters) {
        return () -> {
            commandBus.registerHandlerInterceptor(timing(meters));
            eventStore.registerDispatchInterceptor(messages -> {
                messages.forEach(event -> Counter.builder("jpki.events.appended").description("events appended to the event store")
                        .tag("event", event.getPayloadType().getSimpleName()).register(meters).increment());
                return (index, event) -> event;
            });
        };
    }

    private static MessageHandlerInterceptor<CommandMessage<?>> timing(MeterRegistry meters) {
        return (unitOfWork, chain) -> {
            String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
            Timer.Sample sample = Timer.start(meters);
            String outcome = "error";
            try {
                Object result = chain.proceed();
                outcome = "ok";
                return result;
            } catch (RuleViolationException refused) {
                outcome = "refused";
                throw refused;
            } catch (StateConflictException | ConcurrencyException conflict) {
                outcome = "conflict";
                throw conflict;
            } catch (AggregateNotFoundException | OutsideJurisdictionException notHere) {
                outcome = "rejected";
                throw notHere;
            } finally {
                sample.stop(Timer.builder("jpki.commands").description("commands handled, by type and outcome")
                        .tag("command", command).tag("outcome", outcome).register(meters));
            }
        };
    }
}
