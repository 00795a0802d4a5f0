package jp.jpki.lifecycle.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("R-KEY-1: a key file is written 0600 in directories created 0700, whole, and an old wide file is narrowed")
    void owner_only_and_atomic() throws IOException {
        Path file = dir.resolve("keys/ca/key.p12");
        OwnerOnlyFiles.write(file, out -> out.write("first".getBytes(StandardCharsets.US_ASCII)));
        OwnerOnlyFiles.write(file, out -> out.write("second".getBytes(StandardCharsets.US_ASCII)));

        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys")))).isEqualTo("rwx------");
        assertThat(Files.list(file.getParent())).as("no temporary file left behind").containsExactly(file);

        Path old = dir.resolve("old.p12");
        Files.writeString(old, "x");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.restrict(old);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
    }

    @Test
    @DisplayName("R-KEY-1: a write that fails leaves the file as it was, and no temporary file")
    void failed_write_changes_nothing() throws IOException {
        Path file = dir.resolve("key.p12");
        OwnerOnlyFiles.write(file, out -> out.write(1));
        assertThatThrownBy(() -> OwnerOnlyFiles.write(file, out -> {
            out.write(2);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readAllBytes(file)).containsExactly(1);
        assertThat(Files.list(dir)).containsExactly(file);
    }
}
