package jp.jpki.lifecycle.command.counter;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads {@code jpki.counter.terminals} and refuses to start on a table that is not well formed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CounterTerminalConfiguration.Properties.class)
class CounterTerminalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CounterTerminalConfiguration.class);

    @Bean
    CounterTerminals counterTerminals(Properties properties) {
        CounterTerminals terminals = new CounterTerminals(properties.terminals());
        if (terminals.isEmpty()) {
            log.warn("jpki.counter.terminals is empty: every card-work request is refused (R-TRM-1) until the "
                    + "counter terminals and their offices are configured");
        }
        return terminals;
    }

    /**
     * @param terminals each counter terminal's id (the card gateway's {@code jpki.terminal.id}) and its office
     */
    @ConfigurationProperties(prefix = "jpki.counter")
    record Properties(@DefaultValue List<CounterTerminals.Terminal> terminals) {
    }
}
