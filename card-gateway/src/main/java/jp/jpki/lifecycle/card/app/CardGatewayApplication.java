package jp.jpki.lifecycle.card.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The card gateway on its own (distributed deployment): the card-work saga and, per terminal, its agent. */
@SpringBootApplication(scanBasePackages = "jp.jpki.lifecycle.card")
public class CardGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(CardGatewayApplication.class, args);
    }
}
