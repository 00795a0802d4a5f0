package jp.jpki.lifecycle.card.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.sql.DataSource;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.api.pin.PinResetRequested;
import jp.jpki.lifecycle.card.work.CardWorkSaga;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The card gateway started as {@code main} starts it, with the settings docs/deployment.md and compose give it:
 * the Axon Server connector enabled (pointed at a port where nothing answers: the context must come up and keep
 * retrying, not fail), PostgreSQL replaced by H2 in PostgreSQL mode with the production schema scripts, the
 * counter's PC/SC reader with its PIN pad (nothing touches the reader until card work arrives). A wiring
 * error (a handler parameter nothing provides, a missing store) fails the start, which is what this test catches.
 */
@DisplayName("card gateway: production configuration")
class CardGatewayProductionContextTest {

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = CardGatewayApplication.application().run(
                "--axon.axonserver.servers=127.0.0.1:1",
                "--spring.datasource.url=jdbc:h2:mem:gateway;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=jpki",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.invalid/realms/jpki",
                "--spring.security.oauth2.resourceserver.jwt.audiences=jpki-lifecycle",
                "--server.port=0",
                "--jpki.data-dir=" + dataDir,
                "--jpki.terminal.id=counter-01",
                "--jpki.terminal.reader=counter-01 reader",
                "--jpki.terminal.pin-entry=reader-pinpad");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @DisplayName("starts with durable deadlines, sagas and tracking token, and its saga processor wired")
    void durableStores() {
        assertThat(context.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(context.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessor("CardWorkSagaProcessor")).isPresent();
    }

    /**
     * Under Axon Server a saga handler first runs when the first event arrives, long after the start; run here, a
     * handler parameter nothing provides (the DeadlineManager this gateway once lacked) fails the test instead of
     * the first card work. The saga's step timeout lands in the database, in the processor's transaction.
     */
    @Test
    @DisplayName("the card-work saga handles its start event: saga and step timeout stored in the database")
    void sagaHandlesItsStartEvent() {
        AbstractSagaManager<?> sagas = context.getBean(EventProcessingConfiguration.class).sagaConfiguration(CardWorkSaga.class).manager();
        EventMessage<?> started = GenericEventMessage.asEventMessage(
                new PinResetRequested(new PairId("pair-prod-1"), "request-prod-1", "CARD-PROD-1", CertificateKind.AUTH, "counter-01"));
        DefaultUnitOfWork.startAndGet(started).executeWithResult(() -> {
            sagas.handle(started, Segment.ROOT_SEGMENT);
            return null;
        });

        JdbcTemplate database = new JdbcTemplate(context.getBean(DataSource.class));
        assertThat(database.queryForObject("SELECT count(*) FROM AssociationValueEntry WHERE associationValue = 'request-prod-1'",
                Integer.class)).isEqualTo(1);
        assertThat(database.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class)).isGreaterThanOrEqualTo(1);
    }

    /** Metrics carry no personal data but are for the monitoring role (docs/security.md): served, and closed to anonymous callers. */
    @Test
    @DisplayName("serves /actuator/prometheus to monitoring only")
    void prometheus() throws Exception {
        assertThat(context.getBean(PrometheusMeterRegistry.class).scrape()).contains("jvm_memory_used_bytes");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }
}
