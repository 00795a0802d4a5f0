package jp.jpki.lifecycle.edge.web;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every log line of a request shows its correlation id ({@link CorrelationIdFilter}) after the level, unless
 * the service's configuration sets its own {@code logging.pattern.level}.
 */
public final class LoggingDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("jpki-edge-logging",
                Map.of("logging.pattern.level", "%5p [%X{" + CorrelationIdFilter.MDC_KEY + ":-}]")));
    }
}
