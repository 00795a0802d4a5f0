package jp.jpki.lifecycle.card.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jp.jpki.lifecycle.card.terminal.CardReader;
import jp.jpki.lifecycle.card.work.CardStation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps whichever card station and reader the terminal uses with the metering decorators. */
@Configuration(proxyBeanMethods = false)
class CardMetricsConfiguration {

    @Bean
    static BeanPostProcessor cardMetering(ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof CardStation station && !(bean instanceof MeteredCardStation)) {
                    return new MeteredCardStation(station, meters.getObject());
                }
                if (bean instanceof CardReader reader && !(bean instanceof MeteredCardReader)) {
                    return new MeteredCardReader(reader, meters.getObject());
                }
                return bean;
            }
        };
    }
}
