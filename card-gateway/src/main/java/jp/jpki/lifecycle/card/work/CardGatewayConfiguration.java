package jp.jpki.lifecycle.card.work;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The terminal agent for this process's terminal ({@code jpki.terminal.id}) and the saga's view of the CA
 * certificates. The agent's {@link CardStation} comes from the terminal configuration (PC/SC reader or the
 * in-process virtual card).
 */
@Configuration(proxyBeanMethods = false)
public class CardGatewayConfiguration {

    @Bean
    @ConditionalOnMissingBean(CaCertificates.class)
    CaCertificates caCertificates(QueryGateway queries) {
        return new QueryingCaCertificates(queries);
    }

    @Bean
    @ConditionalOnProperty(name = "jpki.terminal.id")
    TerminalAgent terminalAgent(CommandBus commandBus, CardStation station) {
        return new TerminalAgent(commandBus, station);
    }
}
