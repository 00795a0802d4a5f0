package jp.jpki.lifecycle.command.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The CA's keystore: no built-in password outside the demo profile, and readable by the service user alone. */
class CaKeyStoreStartTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-06-01T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    @DisplayName("R-KEY-1: the CA refuses to start with no password or the demo's unless the demo profile is active")
    void default_password_refused_outside_demo() {
        CaConfiguration configuration = new CaConfiguration();
        assertThatThrownBy(() -> configuration.caKeyStore(properties(null), CLOCK, dir, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jpki.ca.password");
        assertThatThrownBy(() -> configuration.caKeyStore(properties(CaProperties.DEMO_PASSWORD), CLOCK, dir, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("published default");
        assertThat(Files.exists(dir.resolve("ca"))).as("nothing created").isFalse();

        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThat(configuration.caKeyStore(properties(null), CLOCK, dir, demo)).isNotNull();
    }

    @Test
    @DisplayName("R-REST-1: the CA keystore is created 0600 in a 0700 directory")
    void keystore_is_owner_only() throws Exception {
        CaKeyStore.openOrCreate(dir.resolve("ca/jpki-ca.p12"), "a site's own password".toCharArray(), CLOCK);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca/jpki-ca.p12")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca")))).isEqualTo("rwx------");
    }

    private static CaProperties properties(String password) {
        return new CaProperties(null, password, "http://pki.test", Set.of("query-side"));
    }
}
