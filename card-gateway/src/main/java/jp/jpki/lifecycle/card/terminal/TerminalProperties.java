package jp.jpki.lifecycle.card.terminal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The counter terminal this gateway runs at.
 *
 * @param id            the terminal id card work is addressed to ({@code TerminalAddress})
 * @param reader        PC/SC reader name (e.g. {@code "Virtual PCD 00 00"} or a counter's USB reader); a terminal
 *                      without one has virtual cards only under the demo profile (card-simulator)
 * @param cardWait      how long a step waits for a card in the PC/SC reader
 * @param issuerKeyFile the card-issuer key (PEM); unset means {@code ${jpki.data-dir}/card-issuer/issuer-key.pem}
 * @param pinEntry      where residents type PINs; {@code demo} only under the demo profile
 * @param pinTimeout    how long a PIN request waits for the resident (the reader's pad takes at most 255 s)
 * @param keypadPort    the loopback keypad's port on 127.0.0.1; 0 picks a free one (logged at start)
 */
@ConfigurationProperties(prefix = "jpki.terminal")
public record TerminalProperties(String id, String reader, @DefaultValue("30s") Duration cardWait, Path issuerKeyFile,
                                 @DefaultValue("loopback-keypad") PinEntryMode pinEntry,
                                 @DefaultValue("120s") Duration pinTimeout, @DefaultValue("0") int keypadPort) {

    public boolean hasReader() {
        return reader != null && !reader.isBlank();
    }
}
