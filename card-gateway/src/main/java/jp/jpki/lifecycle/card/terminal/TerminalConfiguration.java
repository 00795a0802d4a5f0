package jp.jpki.lifecycle.card.terminal;

import java.nio.file.Path;
import jp.jpki.lifecycle.card.jpki.IssuerKey;
import jp.jpki.lifecycle.card.pcsc.PcscCardReader;
import jp.jpki.lifecycle.card.work.CardStation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The card side of this process's terminal ({@code jpki.terminal.id}): the PC/SC reader {@code jpki.terminal.reader}
 * names, the issuer key, and the station and PIN checks over them. Where PINs are typed is
 * {@code card.pinentry}'s concern; virtual cards and the demo pad come only from the card simulator's demo wiring.
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
    @ConditionalOnProperty(name = "jpki.terminal.reader")
    CardReader cardReader(TerminalProperties terminal) {
        log.info("terminal {}: PC/SC reader '{}'", terminal.id(), terminal.reader());
        return new PcscCardReader(terminal.reader(), terminal.cardWait());
    }

    @Bean
    @ConditionalOnMissingBean(CardStation.class)
    JpkiCardStation cardStation(TerminalProperties terminal, ObjectProvider<CardReader> reader, IssuerKey issuerKey,
                                PinEntry pinEntry) {
        return new JpkiCardStation(terminal.id(), required(terminal, reader), issuerKey, pinEntry);
    }

    @Bean
    CounterPinCheck counterPinCheck(TerminalProperties terminal, ObjectProvider<CardReader> reader, PinEntry pinEntry,
                                    CommandGateway commands) {
        return new CounterPinCheck(terminal.id(), required(terminal, reader), pinEntry, commands);
    }

    private static CardReader required(TerminalProperties terminal, ObjectProvider<CardReader> reader) {
        return reader.getIfAvailable(() -> {
            throw new IllegalStateException("terminal " + terminal.id() + " has no card reader: set jpki.terminal.reader to "
                    + "the counter's PC/SC reader (virtual cards exist only under the demo profile)");
        });
    }
}
