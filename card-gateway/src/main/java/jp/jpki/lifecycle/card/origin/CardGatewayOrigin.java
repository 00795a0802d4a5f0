package jp.jpki.lifecycle.card.origin;

import java.util.List;
import java.util.function.BiFunction;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Names this gateway as the origin of the commands it sends on its own (what a card did, work given up, a PIN
 * lock), so the command side can tell them from a command nobody vouches for. A command that carries its
 * authenticated caller (a counter command, or a saga's command carrying the caller of the work it continues)
 * keeps that caller and gets no origin.
 */
public class CardGatewayOrigin implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(MetadataKeys.OPERATOR)
                || command.getMetaData().containsKey(MetadataKeys.ORIGIN)
                ? command : command.andMetaData(java.util.Map.of(MetadataKeys.ORIGIN, SystemOrigin.CARD_GATEWAY.name()));
    }
}
