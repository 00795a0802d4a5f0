package jp.jpki.lifecycle.cardsim;

import java.nio.file.Path;
import java.security.SecureRandom;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.terminal.CardReader;
import jp.jpki.lifecycle.card.terminal.PinPad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's demo terminal, plugged into the gateway's ports under the demo profile only: virtual
 * cards in this JVM when no PC/SC reader is named, and the demo PIN pad when {@code jpki.terminal.pin-entry=demo}.
 * The gateway never scans this package; the one-JVM launcher does.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "jpki.terminal.id")
@EnableConfigurationProperties(DemoTerminalProperties.class)
public class DemoTerminalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoTerminalConfiguration.class);

    @Bean
    @ConditionalOnExpression("'${jpki.terminal.reader:}'.isBlank()")
    CardReader virtualCardReader(DemoTerminalProperties demo, IssuerKey issuerKey, @Value("${jpki.terminal.id}") String terminalId,
                                 @Value("${jpki.data-dir:./data}") Path dataDir) {
        Path cards = demo.cardsDir() != null ? demo.cardsDir() : dataDir.resolve("cards");
        log.info("terminal {}: in-process virtual JPKI cards in {} (demo profile)", terminalId, cards.toAbsolutePath().normalize());
        return new InProcessCardReader(new VirtualCards(cards, issuerKey.publicKey(), new SecureRandom()));
    }

    @Bean
    @ConditionalOnProperty(name = "jpki.terminal.pin-entry", havingValue = "demo")
    @ConditionalOnMissingBean(PinPad.class)
    PinPad demoPinPad(DemoTerminalProperties demo) {
        if (demo.demoPins() == null || demo.demoPins().isEmpty()) {
            throw new IllegalStateException("jpki.terminal.pin-entry=demo needs jpki.terminal.demo-pins");
        }
        log.warn("terminal PIN pad: the demo pad types the published demo PINs for every resident (demo profile only)");
        return new DemoPinPad(demo.demoPins());
    }
}
