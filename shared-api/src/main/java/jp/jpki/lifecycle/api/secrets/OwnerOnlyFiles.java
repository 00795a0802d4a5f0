package jp.jpki.lifecycle.api.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets (the CA and audit keystores, the issuer key, a card's keys and PIN hashes), readable by
 * the owner only (R-REST-1):
 * created 0600 in directories created 0700, never wider for a moment, and replaced atomically (a temporary file
 * beside it, moved over it), so a crashed process leaves the old or the new content, never half of one. Not synced: a
 * virtual card rewrites its file on every changing APDU, and a sync each time would make issuance wait on the disk.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        createDirectories(directory);
        Path temporary = posix(directory)
                ? Files.createTempFile(directory, target.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates the missing directories owner-only; the innermost one, which holds the secrets, is made so if it is not. */
    public static void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (!posix(absolute)) {
            Files.createDirectories(absolute);
            return;
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(DIRECTORY);
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        for (Path missing = existing; missing != null && !missing.equals(absolute); ) {
            missing = missing.resolve(absolute.getName(missing.getNameCount()));
            Files.createDirectory(missing, ownerOnly);
        }
        if (!Files.getPosixFilePermissions(absolute).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(absolute, DIRECTORY);
        }
    }

    /** Narrows a file written before this rule (or by hand) to owner-only; true when it had to. */
    public static boolean restrict(Path file) throws IOException {
        if (!posix(file.toAbsolutePath().getParent()) || Files.getPosixFilePermissions(file).equals(FILE)) {
            return false;
        }
        Files.setPosixFilePermissions(file, FILE);
        return true;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
