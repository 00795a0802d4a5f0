package jp.jpki.lifecycle.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import jp.jpki.lifecycle.audit.verify.PublicKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The audit signing key: no built-in password outside the demo profile, owner-only, its fingerprint in the start-up log. */
@ExtendWith(OutputCaptureExtension.class)
class AuditSigningKeyStartTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("R-KEY-1: the query side refuses to start with no audit keystore password or the demo's unless the demo profile is active")
    void default_password_refused_outside_demo() {
        AuditConfiguration configuration = new AuditConfiguration();
        assertThatThrownBy(() -> configuration.auditSigningKey(new AuditProperties(null, null), Clock.systemUTC(), dir, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jpki.audit.keystore-password");
        assertThatThrownBy(() -> configuration.auditSigningKey(new AuditProperties(null, AuditProperties.DEMO_PASSWORD), Clock.systemUTC(), dir,
                new MockEnvironment())).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(dir.resolve("audit"))).isFalse();
    }

    @Test
    @DisplayName("R-REST-1, R-KEY-2: the key file is 0600 in a 0700 directory, and its SHA-256 fingerprint is in the start-up log")
    void owner_only_and_fingerprint_logged(CapturedOutput output) throws Exception {
        AuditSigningKey key = new AuditConfiguration().auditSigningKey(new AuditProperties(null, "a site's own password"), Clock.systemUTC(),
                dir, new MockEnvironment());
        Path file = dir.resolve("audit/audit-signing.p12");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(output.getOut()).contains("audit export signing key SHA-256 fingerprint: " + PublicKeys.fingerprint(key.publicKey()));
    }
}
