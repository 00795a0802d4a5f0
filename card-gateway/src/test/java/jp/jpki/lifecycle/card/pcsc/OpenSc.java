package jp.jpki.lifecycle.card.pcsc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSC and openssl command-line tools; children inherit PCSCLITE_CSOCK_NAME, so they use our pcscd. */
final class OpenSc {

    static final String PKCS11_MODULE = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";

    private OpenSc() {
    }

    record Run(int exitCode, String output) {
    }

    static Run run(Path workDir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(workDir.toFile())
                .redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("[pcsc] $ " + String.join(" ", command) + "\n" + output.indent(2));
        return new Run(process.exitValue(), output);
    }
}
