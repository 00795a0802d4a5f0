package jp.jpki.lifecycle.query.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side on its own (distributed deployment): Axon Server events in, MongoDB read models out. */
@SpringBootApplication(scanBasePackages = "jp.jpki.lifecycle.query")
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
