package jp.jpki.lifecycle.card.terminal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The counter terminal this gateway runs at.
 *
 * @param id            the terminal id card work is addressed to ({@code TerminalAddress})
 * @param reader        PC/SC reader name (e.g. {@code "Virtual PCD 00 00"} or a counter's USB reader); unset
 *                      means the in-process virtual card, the embedded default
 * @param cardWait      how long a step waits for a card in the PC/SC reader
 * @param issuerKeyFile the card-issuer key (PEM); unset means {@code ${jpki.data-dir}/card-issuer/issuer-key.pem}
 * @param cardsDir      where in-process virtual cards live; unset means {@code ${jpki.data-dir}/cards}
 * @param demoPins      the PINs a demo terminal's pad "types" per kind; configuration of a demo, never code, and
 *                      unset at a real counter, which provides a {@code PinPad} bean reading its pad
 */
@ConfigurationProperties(prefix = "jpki.terminal")
public record TerminalProperties(String id, String reader, @DefaultValue("30s") Duration cardWait,
                                 Path issuerKeyFile, Path cardsDir, Map<CertificateKind, String> demoPins) {
}
