package jp.jpki.lifecycle.card.terminal;

import jp.jpki.lifecycle.api.secrets.OwnerOnlyFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "file modes need a POSIX file system");
    }

    @Test
    @DisplayName("R-REST-1: a secret file is created 0600, its missing directories 0700")
    void created_owner_only() throws Exception {
        Path file = dir.resolve("a/b/secret.pem");
        OwnerOnlyFiles.write(file, "first".getBytes(StandardCharsets.US_ASCII));
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("a/b"))).isEqualTo("rwx------");
    }

    @Test
    @DisplayName("R-REST-1: a replaced secret file stays 0600, holds the new content and leaves no temporary file")
    void replaced_atomically() throws Exception {
        Path file = dir.resolve("keys/secret.pem");
        OwnerOnlyFiles.write(file, "first".getBytes(StandardCharsets.US_ASCII));
        OwnerOnlyFiles.write(file, "second".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(mode(file)).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    @DisplayName("R-REST-1: the directory that holds secrets is narrowed to 0700 when it exists wider")
    void existing_directory_narrowed() throws Exception {
        Path keys = Files.createDirectory(dir.resolve("keys"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        OwnerOnlyFiles.write(keys.resolve("secret.pem"), new byte[] {1});
        assertThat(mode(keys)).isEqualTo("rwx------");
    }

    @Test
    @DisplayName("R-REST-1: the issuer key is written owner-only, and one found world-readable is narrowed when loaded")
    void issuer_key_file() throws Exception {
        Path file = dir.resolve("card-issuer/issuer-key.pem");
        IssuerKey created = IssuerKeyFile.loadOrCreate(file);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IssuerKey loaded = IssuerKeyFile.load(file);
        assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
