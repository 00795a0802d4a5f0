package jp.jpki.lifecycle.standalone.democlock;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static jp.jpki.lifecycle.standalone.StandaloneApp.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's clock control: a supervisor moves time forward, nobody moves it back, a clerk not at all. */
class DemoClockTest {

    @TempDir
    Path dataDir;

    @Test
    void a_supervisor_moves_the_demo_clock_forward_only() {
        try (StandaloneApp app = StandaloneApp.start(dataDir)) {
            Instant before = Instant.parse(StandaloneApp.json(app.get(SUPERVISOR, "/api/demo/clock").body()).at("/now").asText());
            HttpResponse<String> moved = app.post(SUPERVISOR, "/api/demo/clock", "{\"days\":90}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            Instant after = Instant.parse(StandaloneApp.json(moved.body()).at("/now").asText());
            assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofDays(90));

            HttpResponse<String> back = app.post(SUPERVISOR, "/api/demo/clock", "{\"advanceTo\":\"" + before + "\"}");
            assertThat(back.statusCode()).as(back.body()).isEqualTo(422);
            assertThat(app.post(CLERK, "/api/demo/clock", "{\"days\":1}").statusCode()).isEqualTo(403);
        }
    }
}
