package jp.jpki.lifecycle.card.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The card gateway on its own (distributed deployment): the card-work saga and, per terminal, its agent. */
@SpringBootApplication(scanBasePackages = "jp.jpki.lifecycle.card")
public class CardGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(CardGatewayApplication.class, args);
    }

    /** In the standalone launcher the command side provides the clock; here the saga needs its own. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
