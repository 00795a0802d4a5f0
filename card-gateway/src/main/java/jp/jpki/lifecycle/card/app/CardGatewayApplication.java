package jp.jpki.lifecycle.card.app;

import java.time.Clock;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The card gateway on its own (distributed deployment): the card-work saga and, per terminal, its agent. Its
 * saga, tracking token and deadlines live in PostgreSQL ({@code spring.datasource.*}), so a gateway restarted
 * mid-work finishes that work and drives what was requested while it was down (docs/deployment.md).
 */
@SpringBootApplication(scanBasePackages = {"jp.jpki.lifecycle.card", "jp.jpki.lifecycle.deadlines"})
public class CardGatewayApplication {

    /** Defaults in code, so the module ships no application.yml that the standalone launcher would also read. */
    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "jpki-card-gateway",
            // every node reads and writes messages, saga state and tokens alike; no Java serialization
            "axon.serializer.general", "jackson",
            "axon.serializer.events", "jackson",
            "axon.serializer.messages", "jackson",
            "spring.sql.init.mode", "always",
            "spring.sql.init.schema-locations", "classpath:db/scheduler-postgresql.sql,classpath:db/card-gateway-postgresql.sql",
            "management.endpoints.web.exposure.include", "health,info,prometheus",
            "server.port", "8082");

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        application().run(args);
    }

    /** The application as {@link #main} runs it; the production-configuration test starts this too. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(CardGatewayApplication.class);
        application.setDefaultProperties(DEFAULTS);
        return application;
    }

    /** In the standalone launcher the command side provides the clock; here the saga needs its own. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
