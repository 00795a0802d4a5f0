package jp.jpki.lifecycle.card.pcsc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A pcscd of our own for one test JVM: in a private mount namespace, so its
 * /run/pcscd is a directory under target/ and it can run beside the system pcscd; configured with one vpcd
 * reader on a free port. Clients reach it through PCSCLITE_CSOCK_NAME, which the failsafe configuration sets
 * to {@link #socket()} before the JVM starts (libpcsclite reads it with getenv).
 */
public final class PrivatePcscd implements ExtensionContext.Store.CloseableResource {

    public static final String READER = "IT VPCD 00 00";
    private static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    private static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final Path PKCS15_TOOL = Path.of("/usr/bin/pkcs15-tool");

    private final Path directory;
    private final int port;
    private final Process process;

    private PrivatePcscd(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /** Why this machine cannot run the stack, or null when it can. */
    static String missingPiece() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return "not Linux";
        }
        for (Path needed : List.of(PCSCD, VPCD_DRIVER, UNSHARE, PKCS15_TOOL, Path.of(OpenSc.PKCS11_MODULE))) {
            if (!Files.exists(needed)) {
                return needed + " is missing";
            }
        }
        if (System.getenv("PCSCLITE_CSOCK_NAME") == null) {
            return "PCSCLITE_CSOCK_NAME is not set (run the *IT tests with maven-failsafe: mvn verify)";
        }
        return null;
    }

    static Path socket() {
        return Path.of(System.getenv("PCSCLITE_CSOCK_NAME"));
    }

    static PrivatePcscd start() throws IOException, InterruptedException {
        Path directory = socket().getParent();
        Files.createDirectories(directory.resolve("conf"));
        Files.deleteIfExists(socket());
        int port = freePortPair();
        Files.writeString(directory.resolve("conf/vpcd"), "FRIENDLYNAME \"IT VPCD\"\nDEVICENAME /dev/null:" + port
                + "\nLIBPATH " + VPCD_DRIVER + "\nCHANNELID " + port + "\n");
        boolean root = "root".equals(System.getProperty("user.name"));
        String script = "mount -t tmpfs tmpfs /run && mkdir /run/pcscd && mount --bind '" + directory
                + "' /run/pcscd && exec " + PCSCD + " --foreground --config '" + directory.resolve("conf") + "'";
        ProcessBuilder builder = root ? new ProcessBuilder(UNSHARE.toString(), "-m", "sh", "-c", script)
                : new ProcessBuilder(UNSHARE.toString(), "-r", "-m", "sh", "-c", script);
        Process process = builder.redirectErrorStream(true).redirectOutput(directory.resolve("pcscd.log").toFile()).start();
        PrivatePcscd pcscd = new PrivatePcscd(directory, port, process);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.exists(socket())) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                pcscd.close();
                throw new IllegalStateException("private pcscd did not come up: " + Files.readString(directory.resolve("pcscd.log")));
            }
            Thread.sleep(50);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(pcscd::close));
        return pcscd;
    }

    public int vpcdPort() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** vpcd listens on the port of slot 0 and the next one for slot 1. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                if (port < 65535) {
                    try (ServerSocket second = new ServerSocket(port + 1)) {
                        return port;
                    } catch (IOException taken) {
                        // try another pair
                    }
                }
            }
        }
        throw new IOException("no two consecutive free ports");
    }
}
