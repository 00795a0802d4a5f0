package jp.jpki.lifecycle.command.origin;

import jp.jpki.lifecycle.api.card.CardWorkOrder;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, before any handler runs, every command to this side that {@link CommandOrigins} does not admit. It
 * sits on the handling side of the command bus, so it holds for commands from any node.
 */
public class OriginInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(OriginInterceptor.class);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (CardWorkOrder.class.isAssignableFrom(command.getPayloadType())) {
            // addressed to a terminal, not to this side: on the one-JVM bus it passes here, and its terminal judges it
            return chain.proceed();
        }
        var refusal = CommandOrigins.refusal(command.getPayloadType(), command.getMetaData());
        if (refusal.isPresent()) {
            log.warn("command refused (R-ORG-1): {}; correlation {}", refusal.get(), command.getMetaData().get("correlationId"));
            throw new MissingOriginException(refusal.get());
        }
        return chain.proceed();
    }
}
