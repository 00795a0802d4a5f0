package jp.jpki.lifecycle.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Every module in one JVM on embedded stores: the README's run command. The per-module
 * {@code @SpringBootApplication} classes of the distributed deployment are left out of the scan, so
 * each module contributes only its configuration; the front door (module edge) comes in as an
 * auto-configuration, as in every other service, not through the scan.
 */
@SpringBootApplication
@ComponentScan(basePackages = "jp.jpki.lifecycle", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "jp\\.jpki\\.lifecycle\\.edge\\..*")})
public class StandaloneApplication {

    public static void main(String[] args) {
        // A municipal back office does not phone home; Axon's update check would, at every start.
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
