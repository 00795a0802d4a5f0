package jp.jpki.lifecycle.command.app;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side on its own, for the distributed deployment: Axon Server for commands, events and
 * queries; a PostgreSQL database for persistent deadlines (docs/deployment.md).
 */
@SpringBootApplication(scanBasePackages = {"jp.jpki.lifecycle.command", "jp.jpki.lifecycle.deadlines"})
public class CommandSideApplication {

    /** Defaults in code, so the module ships no application.yml that the standalone launcher would also read. */
    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "jpki-command-side",
            // every node reads and writes messages alike; no Java serialization of domain objects
            "axon.serializer.general", "jackson",
            "axon.serializer.events", "jackson",
            "axon.serializer.messages", "jackson",
            "spring.sql.init.mode", "always",
            "spring.sql.init.schema-locations", "classpath:db/scheduler-postgresql.sql",
            "spring.mvc.problemdetails.enabled", "true",
            "management.endpoints.web.exposure.include", "health,info,prometheus");

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        application().run(args);
    }

    /** The application as {@link #main} runs it; the production-configuration test starts this too. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        application.setDefaultProperties(DEFAULTS);
        return application;
    }
}
