package jp.jpki.lifecycle.command.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.jpki.lifecycle.api.issuance.RecordCardKeysGenerated;
import jp.jpki.lifecycle.api.pair.MetadataKeys;
import jp.jpki.lifecycle.api.pair.SystemOrigin;
import jp.jpki.lifecycle.api.revocation.RevokeCertificates;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-ORG-1: a command names its authenticated caller, or a system component entitled to send it; else it is refused. */
class CommandOriginsTest {

    private static final Map<String, Object> CALLER = Map.of(MetadataKeys.OPERATOR, "clerk-7", MetadataKeys.OFFICE, "setagaya-main",
            MetadataKeys.MUNICIPALITY, "131121");

    @Test
    @DisplayName("R-ORG-1: a command with the caller the front door attaches (operator, office, municipality) goes on")
    void caller_goes_on() {
        assertThat(CommandOrigins.refusal(RevokeCertificates.class, CALLER)).isEmpty();
    }

    @Test
    @DisplayName("R-ORG-1: a command without caller or origin is refused, also when only part of the caller is there")
    void no_origin_is_refused() {
        assertThat(CommandOrigins.refusal(RevokeCertificates.class, Map.of())).hasValueSatisfying(reason ->
                assertThat(reason).contains("no authenticated caller"));
        assertThat(CommandOrigins.refusal(RevokeCertificates.class, Map.of(MetadataKeys.OPERATOR, "clerk-7"))).isPresent();
        assertThat(CommandOrigins.refusal(RevokeCertificates.class, Map.of(MetadataKeys.OPERATOR, "clerk-7",
                MetadataKeys.OFFICE, "setagaya-main", MetadataKeys.MUNICIPALITY, " "))).isPresent();
    }

    @Test
    @DisplayName("R-ORG-1: a system component may send only the commands it exists to send; an unknown origin none")
    void system_origins_are_entitled_per_command() {
        Map<String, Object> gateway = Map.of(MetadataKeys.ORIGIN, SystemOrigin.CARD_GATEWAY.name());
        assertThat(CommandOrigins.refusal(RecordCardKeysGenerated.class, gateway)).isEmpty();
        assertThat(CommandOrigins.refusal(RevokeCertificates.class, gateway)).hasValueSatisfying(reason ->
                assertThat(reason).contains("may not send RevokeCertificates"));
        assertThat(CommandOrigins.refusal(RecordCardKeysGenerated.class, Map.of(MetadataKeys.ORIGIN, SystemOrigin.QUERY_SIDE.name()))).isPresent();
        assertThat(CommandOrigins.refusal(RecordCardKeysGenerated.class, Map.of(MetadataKeys.ORIGIN, "attacker"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("unknown origin"));
    }

    @Test
    @DisplayName("R-ORG-1: on the command bus, a command without origin is refused before its handler runs")
    void interceptor_refuses_before_the_handler() throws Exception {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AtomicInteger handled = new AtomicInteger();
        bus.subscribe(RevokeCertificates.class.getName(), command -> handled.incrementAndGet());
        bus.registerHandlerInterceptor(new OriginInterceptor());

        FutureCallback<Object, Object> refused = new FutureCallback<>();
        bus.dispatch(message(MetaData.emptyInstance()), refused);
        assertThat(refused.get().exceptionResult()).isInstanceOf(MissingOriginException.class);
        assertThat(handled).hasValue(0);

        FutureCallback<Object, Object> accepted = new FutureCallback<>();
        bus.dispatch(message(MetaData.from(CALLER)), accepted);
        assertThat(accepted.get().isExceptional()).isFalse();
        assertThat(handled).hasValue(1);
    }

    private static CommandMessage<Object> message(MetaData metaData) {
        return new GenericCommandMessage<>(new RevokeCertificates(null, null, null), metaData);
    }
}
