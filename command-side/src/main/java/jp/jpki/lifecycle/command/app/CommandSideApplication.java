package jp.jpki.lifecycle.command.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side on its own, for the distributed deployment: Axon Server for commands, events and
 * queries; a PostgreSQL database for persistent deadlines (see docker-compose.yml).
 */
@SpringBootApplication(scanBasePackages = "jp.jpki.lifecycle.command")
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
