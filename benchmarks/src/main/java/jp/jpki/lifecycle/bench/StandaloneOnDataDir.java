package jp.jpki.lifecycle.bench;

import java.nio.file.Path;
import jp.jpki.lifecycle.standalone.StandaloneApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The standalone app started in this JVM on an existing data directory (e.g. one the history generator wrote). */
final class StandaloneOnDataDir implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    StandaloneOnDataDir(Path dataDir) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        context = new SpringApplication(StandaloneApplication.class).run("--server.port=0", "--jpki.data-dir=" + dataDir,
                "--jpki.ca.keystore=" + dataDir.resolve("ca/jpki-ca.p12"), "--jpki.policies.monthly-maintenance=false",
                "--logging.level.root=WARN", "--logging.level.jp.jpki.lifecycle.query.admin=INFO");
    }

    String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
