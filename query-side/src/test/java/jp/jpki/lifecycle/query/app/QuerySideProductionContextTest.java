package jp.jpki.lifecycle.query.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import jp.jpki.lifecycle.query.QuerySideApplication;
import jp.jpki.lifecycle.query.support.InMemoryMongo;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side started as {@code main} starts it, with the settings docs/deployment.md and compose give it:
 * the Axon Server connector enabled (pointed at a port where nothing answers), MongoDB replaced by the
 * in-process Mongo-wire server. A wiring error fails the start.
 */
@DisplayName("query side: production configuration")
class QuerySideProductionContextTest {

    @TempDir
    static Path dataDir;
    private static InMemoryMongo mongo;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        mongo = new InMemoryMongo();
        context = QuerySideApplication.application().run(
                "--axon.axonserver.servers=127.0.0.1:1",
                "--spring.data.mongodb.uri=" + mongo.connectionString() + "/jpki",
                "--spring.data.mongodb.database=jpki",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.invalid/realms/jpki",
                "--spring.security.oauth2.resourceserver.jwt.audiences=jpki-lifecycle",
                "--server.port=0",
                "--jpki.data-dir=" + dataDir,
                "--jpki.audit.keystore=" + dataDir.resolve("audit/audit-signing.p12"),
                "--jpki.audit.keystore-password=test-only-audit-password");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    @DisplayName("routes queries through Axon Server and keeps tokens in MongoDB")
    void wiring() {
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
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
