package jp.jpki.lifecycle.command.infrastructure;

import jp.jpki.lifecycle.api.refusal.RefusalDetails;
import jp.jpki.lifecycle.command.pair.OutsideJurisdictionException;
import jp.jpki.lifecycle.command.pair.StateConflictException;
import jp.jpki.lifecycle.command.rules.RuleViolationException;
import jp.jpki.lifecycle.edge.StaffIdentity;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Refusals travel as {@link RefusalDetails}: Axon Server forwards only a handler exception's message and its
 * {@code details}, so a {@link RuleViolationException} thrown on one node would reach the HTTP side of another
 * as an anonymous error. Wrapped here, on the handling side, the HTTP side reads the same details in both
 * deployments (the embedded bus passes the wrapped exception as it is).
 * <p>
 * Registered when the buses are created, before any other handler interceptor, so it is the outermost one and
 * the metrics interceptor still sees the refusal itself.
 */
@Configuration(proxyBeanMethods = false)
public class BusRefusalsConfiguration {

    @Autowired
    void wrapRefusals(CommandBus commandBus, QueryBus queryBus) {
        commandBus.registerHandlerInterceptor(commands());
        queryBus.registerHandlerInterceptor(queries());
    }

    static MessageHandlerInterceptor<CommandMessage<?>> commands() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RuntimeException e) {
                RefusalDetails details = detailsOf(e);
                if (details == null) {
                    throw e;
                }
                throw new CommandExecutionException(details.message(), e, details);
            }
        };
    }

    static MessageHandlerInterceptor<QueryMessage<?, ?>> queries() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RuntimeException e) {
                RefusalDetails details = detailsOf(e);
                if (details == null) {
                    throw e;
                }
                throw new QueryExecutionException(details.message(), e, details);
            }
        };
    }

    /** The refusal a handler exception stands for, or null when it is a failure, not a refusal. */
    static RefusalDetails detailsOf(RuntimeException e) {
        if (e instanceof RuleViolationException refused) {
            return RefusalDetails.rule(refused.ruleId(), refused.refusal().message(), refused.refusal().facts());
        }
        if (e instanceof OutsideJurisdictionException) {
            // answered like an unknown pair, so that a pair's existence in another municipality does not leak
            return RefusalDetails.of(RefusalDetails.Kind.NOT_FOUND, "no certificate pair with this id", null);
        }
        if (e instanceof StaffIdentity.NotStaffException) {
            return RefusalDetails.of(RefusalDetails.Kind.FORBIDDEN, e.getMessage(), null);
        }
        if (e instanceof AggregateNotFoundException notFound) {
            String pairId = String.valueOf(notFound.getAggregateIdentifier());
            return RefusalDetails.of(RefusalDetails.Kind.NOT_FOUND, "no certificate pair " + pairId, pairId);
        }
        if (e instanceof StateConflictException) {
            return RefusalDetails.of(RefusalDetails.Kind.CONFLICT, e.getMessage(), null);
        }
        return null;
    }
}
