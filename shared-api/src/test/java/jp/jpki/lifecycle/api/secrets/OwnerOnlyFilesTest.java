package jp.jpki.lifecycle.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the card files' tests (card gateway) do not cover: narrowing a key file an older version wrote wider. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "file modes need a POSIX file system");
    }

    @Test
    @DisplayName("R-REST-1: a key file found wider is narrowed to 0600; one already 0600 is left as it is")
    void restrict_narrows_an_old_file() throws IOException {
        Path old = dir.resolve("old.p12");
        Files.writeString(old, "x");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(OwnerOnlyFiles.restrict(old)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
        assertThat(OwnerOnlyFiles.restrict(old)).isFalse();
    }

    @Test
    @DisplayName("R-REST-1: a write over a key file leaves the new content whole, 0600, and no temporary file")
    void replaced_whole() throws IOException {
        Path file = dir.resolve("ca/jpki-ca.p12");
        OwnerOnlyFiles.write(file, new byte[] {1});
        OwnerOnlyFiles.write(file, new byte[] {2, 3});
        assertThat(Files.readAllBytes(file)).containsExactly(2, 3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
