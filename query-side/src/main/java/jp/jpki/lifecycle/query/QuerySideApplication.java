package jp.jpki.lifecycle.query;

import java.time.Clock;
import java.util.Map;
import jp.jpki.lifecycle.api.time.JapanTime;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The query side on its own, for the distributed deployment: events and queries through Axon Server
 * ({@code axon.axonserver.servers}), read models, tokens and sagas in MongoDB ({@code spring.data.mongodb.uri}).
 * The standalone launcher leaves this class out and runs the same configuration in one JVM.
 */
@SpringBootApplication
public class QuerySideApplication {

    /** Defaults in code, so the module ships no application.yml of its own; any property source overrides them. */
    private static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "jpki-query-side",
            // Event payloads are written by the command side with Jackson; all nodes must read them alike.
            "axon.serializer.general", "jackson",
            "axon.serializer.events", "jackson",
            "axon.serializer.messages", "jackson",
            // Without block listing Axon Server streams every event to every processor: a position reaches the head
            // even when the last events are of types it does not handle, and jpki.projection.lag is 0 when idle
            "axon.axonserver.event-block-listing-enabled", "false",
            "management.endpoints.web.exposure.include", "health,info,prometheus",
            "server.port", "8081");

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        application().run(args);
    }

    /** The application as {@link #main} runs it; the production-configuration test starts this too. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(DEFAULTS);
        return application;
    }

    /** In the standalone launcher the command side provides the clock; here the query side needs its own. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.system(JapanTime.ZONE);
    }
}
