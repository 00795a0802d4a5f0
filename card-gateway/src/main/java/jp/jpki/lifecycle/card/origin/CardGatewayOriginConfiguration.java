package jp.jpki.lifecycle.card.origin;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every command this gateway dispatches passes {@link CardGatewayOrigin}. */
@Configuration(proxyBeanMethods = false)
public class CardGatewayOriginConfiguration {

    @Bean
    SmartInitializingSingleton cardGatewayOrigin(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new CardGatewayOrigin());
    }
}
