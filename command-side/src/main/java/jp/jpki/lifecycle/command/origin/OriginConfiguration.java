package jp.jpki.lifecycle.command.origin;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every command handled here passes the {@link OriginInterceptor} first. */
@Configuration(proxyBeanMethods = false)
public class OriginConfiguration {

    @Bean
    SmartInitializingSingleton commandOrigins(CommandBus commandBus) {
        return () -> commandBus.registerHandlerInterceptor(new OriginInterceptor());
    }
}
