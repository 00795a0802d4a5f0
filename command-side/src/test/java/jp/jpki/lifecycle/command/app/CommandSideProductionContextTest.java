package jp.jpki.lifecycle.command.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side started as {@code main} starts it, with the settings docs/deployment.md and compose give it:
 * the Axon Server connector enabled (pointed at a port where nothing answers), PostgreSQL replaced by H2 in
 * PostgreSQL mode with the production schema script, staff authentication by an OIDC issuer (resolved lazily,
 * so no network is needed to start). A wiring error fails the start.
 */
@DisplayName("command side: production configuration")
class CommandSideProductionContextTest {

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = CommandSideApplication.application().run(
                "--axon.axonserver.servers=127.0.0.1:1",
                "--spring.datasource.url=jdbc:h2:mem:command;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=jpki",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.invalid/realms/jpki",
                "--spring.security.oauth2.resourceserver.jwt.audiences=jpki-lifecycle",
                "--server.port=0",
                "--jpki.data-dir=" + dataDir,
                "--jpki.ca.keystore=" + dataDir.resolve("ca/jpki-ca.p12"),
                "--jpki.ca.password=test-only-ca-password",
                "--jpki.ca.public-base-url=https://pki.example.lg.jp");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @DisplayName("routes through Axon Server and keeps deadlines in the database")
    void wiring() {
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
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
