package jp.jpki.lifecycle.standalone.concurrency;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An issuance schedules its card work's deadline inside the command's unit of work, which holds a pooled JDBC
 * connection. The deadline must be written on that same connection: when the scheduler took a second one, commands
 * at once each held one and waited for another, and with every connection held that way they all timed out. Two connections and eight clerks at once make that certain.
 */
class DeadlineConnectionTest {
    private static final int CLERKS = 8;
    private static final int ISSUANCES = 24;

    @TempDir
    Path dataDir;

    @Test
    void concurrent_issuances_on_a_pool_of_two_connections_are_all_accepted() throws Exception {
        try (StandaloneApp app = StandaloneApp.start(dataDir, "--spring.datasource.hikari.maximum-pool-size=2",
                "--spring.datasource.hikari.connection-timeout=5000")) {
            ExecutorService clerks = Executors.newFixedThreadPool(CLERKS);
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < ISSUANCES; i++) {
                    String pairId = "pool-pair-%02d".formatted(i);
                    answers.add(clerks.submit(() -> app.post(CLERK, "/api/certificate-pairs", StandaloneApp.issuance(pairId))));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(202);
                }
            } finally {
                clerks.shutdownNow();
            }
        }
    }
}
