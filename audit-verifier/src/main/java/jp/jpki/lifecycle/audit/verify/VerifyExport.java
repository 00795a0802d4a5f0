package jp.jpki.lifecycle.audit.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * The auditor's command: {@code java -jar audit-verifier-cli.jar export.json public-key.pem <sha-256 fingerprint>}.
 * The public key is trusted only if its fingerprint is the one the auditor pinned from a source other than the
 * system that made the export (its start-up log, the operator's key ceremony record): a key fetched from a
 * tampered system would verify a tampered export. Exit 0 and "OK" for an intact export; exit 1 naming the first
 * altered, inserted or removed entry, or a key that is not the pinned one; exit 2 for bad usage.
 */
public final class VerifyExport {

    private VerifyExport() {
    }

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err));
    }

    public static int run(String[] arguments, PrintStream out, PrintStream err) {
        if (arguments.length != 3) {
            err.println("usage: java -jar audit-verifier-cli.jar <export.json> <public-key.pem> <expected SHA-256 fingerprint of the key>");
            return 2;
        }
        try {
            PublicKey key = PublicKeys.fromPem(Files.readString(Path.of(arguments[1])));
            if (!PublicKeys.matches(key, arguments[2])) {
                err.println("UNTRUSTED KEY: its SHA-256 fingerprint is " + PublicKeys.fingerprint(key)
                        + ", not the expected one; nothing was verified");
                return 1;
            }
            Verdict verdict = new ExportVerifier(key).verify(CanonicalJson.parse(Files.readString(Path.of(arguments[0]))));
            (verdict.intact() ? out : err).println(verdict.describe());
            return verdict.intact() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }
}
