package jp.jpki.lifecycle.edge.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies mean exactly what they say. Jackson's lenient defaults would read {@code "name": 42} as the
 * name "42" and {@code "adultWard": "true"} as true; at a counter a value of the wrong type is a mistake to
 * report, not to guess at. Date constraints such as {@code @PastOrPresent} read the application clock, so
 * "today" is the same day for validation and for the rules.
 */
@Configuration(proxyBeanMethods = false)
public class StrictInputConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalars() {
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS).postConfigurer(mapper -> {
            mapper.setDefaultLeniency(false); // "1999-12-31T00:00:00Z" is not a date of birth
            refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
            refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String);
            refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
            refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
            refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString);
        });
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        MutableCoercionConfig config = mapper.coercionConfigFor(target);
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** The service's own clock where it has one (every service with date rules does). */
    @Bean
    ValidationConfigurationCustomizer applicationClockForDateConstraints(ObjectProvider<Clock> clock) {
        return configuration -> configuration.clockProvider(() -> clock.getIfAvailable(Clock::systemUTC));
    }
}
