package jp.jpki.lifecycle.audit.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The auditor's command: {@code java -jar audit-verifier-cli.jar export.json public-key.pem}. Exit 0 and "OK"
 * for an intact export; exit 1 naming the first altered, inserted or removed entry; exit 2 for bad usage.
 */
public final class VerifyExport {

    private VerifyExport() {
    }

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err));
    }

    public static int run(String[] arguments, PrintStream out, PrintStream err) {
        if (arguments.length != 2) {
            err.println("usage: java -jar audit-verifier-cli.jar <export.json> <public-key.pem>");
            return 2;
        }
        try {
            Verdict verdict = new ExportVerifier(PublicKeys.fromPem(Files.readString(Path.of(arguments[1]))))
                    .verify(CanonicalJson.parse(Files.readString(Path.of(arguments[0]))));
            (verdict.intact() ? out : err).println(verdict.describe());
            return verdict.intact() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }
}
