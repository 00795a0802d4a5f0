package jp.jpki.lifecycle.cardsim;

import java.nio.file.Path;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo terminal's settings, beside the gateway's own {@code jpki.terminal} keys.
 *
 * @param cardsDir where in-process virtual cards live; unset means {@code ${jpki.data-dir}/cards}
 * @param demoPins the PINs the demo pad "types" per kind; published demo values, so demo profile only
 */
@ConfigurationProperties(prefix = "jpki.terminal")
public record DemoTerminalProperties(Path cardsDir, Map<CertificateKind, String> demoPins) {
}
