package jp.jpki.lifecycle.card.terminal;

import java.nio.file.Path;
import java.security.SecureRandom;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.pcsc.PcscCardReader;
import jp.jpki.lifecycle.card.virtual.InProcessCardReader;
import jp.jpki.lifecycle.card.virtual.VirtualCards;
import jp.jpki.lifecycle.card.work.CardStation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The card side of this process's terminal ({@code jpki.terminal.id}): a PC/SC reader when
 * {@code jpki.terminal.reader} names one, else the in-process virtual card (embedded default); the issuer key;
 * the PIN pad (a demo pad unless the deployment provides one).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TerminalProperties.class)
@ConditionalOnProperty(name = "jpki.terminal.id")
public class TerminalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TerminalConfiguration.class);

    @Bean
    IssuerKey cardIssuerKey(TerminalProperties terminal, @Value("${jpki.data-dir:./data}") Path dataDir) {
        Path file = terminal.issuerKeyFile() != null ? terminal.issuerKeyFile() : dataDir.resolve("card-issuer/issuer-key.pem");
        return IssuerKeyFile.loadOrCreate(file);
    }

    @Bean
    @ConditionalOnMissingBean(PinPad.class)
    PinPad demoPinPad(TerminalProperties terminal) {
        if (terminal.demoPins() == null || terminal.demoPins().isEmpty()) {
            throw new IllegalStateException("terminal " + terminal.id() + " has no PIN pad: provide a PinPad bean that reads "
                    + "the counter's pad, or set jpki.terminal.demo-pins for a demo terminal");
        }
        log.warn("terminal PIN pad: the demo pad with the configured demo PINs (demos only; provide a PinPad bean at a counter)");
        return new DemoPinPad(terminal.demoPins());
    }

    @Bean
    @ConditionalOnMissingBean(CardReader.class)
    CardReader cardReader(TerminalProperties terminal, IssuerKey issuerKey, @Value("${jpki.data-dir:./data}") Path dataDir) {
        if (terminal.reader() != null && !terminal.reader().isBlank()) {
            log.info("terminal {}: PC/SC reader '{}'", terminal.id(), terminal.reader());
            return new PcscCardReader(terminal.reader(), terminal.cardWait());
        }
        Path cards = terminal.cardsDir() != null ? terminal.cardsDir() : dataDir.resolve("cards");
        log.info("terminal {}: in-process virtual JPKI cards in {}", terminal.id(), cards.toAbsolutePath().normalize());
        return new InProcessCardReader(new VirtualCards(cards, issuerKey.publicKey(), new SecureRandom()));
    }

    @Bean
    @ConditionalOnMissingBean(CardStation.class)
    JpkiCardStation cardStation(TerminalProperties terminal, CardReader reader, IssuerKey issuerKey, PinPad pinPad) {
        return new JpkiCardStation(terminal.id(), reader, issuerKey, pinPad);
    }

    @Bean
    CounterPinCheck counterPinCheck(TerminalProperties terminal, CardReader reader, PinPad pinPad, CommandGateway commands) {
        return new CounterPinCheck(terminal.id(), reader, pinPad, commands);
    }
}
