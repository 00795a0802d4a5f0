package jp.jpki.lifecycle.standalone.dashboard;

import static jp.jpki.lifecycle.standalone.StandaloneApp.CLERK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jp.jpki.lifecycle.standalone.StandaloneApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics dashboard in a real browser: counter activity goes in through the API, then headless Chromium
 * (driven by playwright-core, see src/test/dashboard) loads /dashboard as the statistics user, checks the numbers
 * shown against the JSON API and leaves a screenshot in target/dashboard.png.
 */
class DashboardBrowserTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/dashboard");

    @TempDir
    Path dataDir;

    @BeforeAll
    static void browserPresent() {
        boolean present = new File("/usr/bin/chromium").canExecute() && Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"));
        String reason = "Chromium or playwright-core is missing (scripts/deps/dashboard.sh installs both)";
        if (Boolean.getBoolean("pcsc.required")) {
            assertThat(present).as(reason).isTrue();
        }
        Assumptions.assumeTrue(present, reason);
    }

    @Test
    void the_dashboard_shows_what_the_api_counts() throws Exception {
        try (StandaloneApp app = StandaloneApp.start(dataDir)) {
            for (int i = 1; i <= 3; i++) {
                app.issueAndAwait("dash-pair-000" + i);
            }
            assertThat(app.post(CLERK, "/api/certificate-pairs/dash-pair-0001/pin-locks", "{\"kind\":\"AUTH\"}").statusCode()).isEqualTo(200);
            assertThat(app.post(CLERK, "/api/certificate-pairs/dash-pair-0002/revocations",
                    "{\"kinds\":[\"SIGN\"],\"cause\":\"HOLDER_REQUEST\"}").statusCode()).isEqualTo(200);
            app.await(StandaloneApp.STATISTICS, "/api/statistics?from=2000-01-01&to=2100-01-01&groupBy=operation",
                    rows -> rows.findValuesAsText("operation").containsAll(java.util.List.of("ISSUED", "PIN_LOCKED", "REVOKED")),
                    "statistics caught up");

            Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            Process node = new ProcessBuilder("node", "dashboard.test.mjs", app.baseUrl(), screenshot.toString())
                    .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("the browser test finished").isTrue();
            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("ISSUED: page 6, api 6", "PIN_LOCKED: page 1, api 1", "REVOKED: page 1, api 1");
            assertThat(output).as("R-STA-1: card work counts for the office that served the resident").contains(
                    "per-office setagaya-main ISSUED: chart 6, api 6", "per-office setagaya-main PIN_LOCKED: chart 1, api 1")
                    .doesNotContain("per-office - ISSUED");
            assertThat(Files.size(screenshot)).as("a real screenshot").isGreaterThan(20_000);
        }
    }
}
