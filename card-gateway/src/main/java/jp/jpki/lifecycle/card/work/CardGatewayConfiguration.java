package jp.jpki.lifecycle.card.work;

import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
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

    /** Axon's default processing group of a saga: its simple name + "Processor". */
    static final String CARD_WORK_SAGA_PROCESSOR = "CardWorkSagaProcessor";

    /**
     * Where the saga store is the JDBC one (the gateway on its own, PostgreSQL), saga, token and the deadlines the
     * saga schedules share the processor's transaction: a killed gateway keeps all or none of a batch. Elsewhere
     * (the standalone launcher keeps sagas in MongoDB, which shares no transaction with anything) the token is stored
     * after its batch, never before: with a transaction manager Axon stores it first, and a process killed mid-batch
     * would keep the token and lose the saga it was starting. Stored after, a redelivered event finds the saga or
     * starts it.
     */
    @Autowired
    void sagaTransactions(EventProcessingConfigurer processing, SagaStore<?> sagaStore, TransactionManager transactions) {
        TransactionManager sagaTransactions = sagaStore instanceof JdbcSagaStore ? transactions : NoTransactionManager.instance();
        processing.registerTransactionManager(CARD_WORK_SAGA_PROCESSOR, configuration -> sagaTransactions);
    }

    @Bean
    @ConditionalOnMissingBean(CaCertificates.class)
    CaCertificates caCertificates(QueryGateway queries) {
        return new QueryingCaCertificates(queries);
    }

    /** A few threads: each terminal does one card at a time anyway; in distributed mode sending does not block. */
    @Bean(destroyMethod = "shutdown")
    TerminalDispatcher terminalDispatcher(CommandBus commandBus) {
        return new TerminalDispatcher(commandBus, Executors.newFixedThreadPool(4, new AxonThreadFactory("card-work-dispatch")));
    }

    @Bean
    @ConditionalOnProperty(name = "jpki.terminal.id")
    TerminalAgent terminalAgent(CommandBus commandBus, CardStation station) {
        return new TerminalAgent(commandBus, station);
    }
}
