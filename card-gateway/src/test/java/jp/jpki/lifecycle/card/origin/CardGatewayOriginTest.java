package jp.jpki.lifecycle.card.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CardGatewayOriginTest {

    private final CardGatewayOrigin origin = new CardGatewayOrigin();

    @Test
    @DisplayName("R-ORG-1: a command the gateway sends on its own names the gateway as its origin")
    void own_commands_name_the_gateway() {
        CommandMessage<?> sent = stamp(MetaData.with(MetadataKeys.TERMINAL, "counter-01"));
        assertThat(sent.getMetaData()).containsEntry(MetadataKeys.ORIGIN, SystemOrigin.CARD_GATEWAY.name())
                .containsEntry(MetadataKeys.TERMINAL, "counter-01");
    }

    @Test
    @DisplayName("R-ORG-1: a command carrying its authenticated caller keeps the caller and gets no origin")
    void caller_commands_keep_their_caller() {
        CommandMessage<?> sent = stamp(MetaData.from(Map.of(MetadataKeys.OPERATOR, "clerk-7", MetadataKeys.OFFICE, "setagaya-main",
                MetadataKeys.MUNICIPALITY, "131121")));
        assertThat(sent.getMetaData()).doesNotContainKey(MetadataKeys.ORIGIN).containsEntry(MetadataKeys.OPERATOR, "clerk-7");
    }

    private CommandMessage<?> stamp(MetaData metaData) {
        CommandMessage<?> command = new GenericCommandMessage<>("a command of the gateway", metaData);
        return origin.handle(List.of(command)).apply(0, command);
    }
}
