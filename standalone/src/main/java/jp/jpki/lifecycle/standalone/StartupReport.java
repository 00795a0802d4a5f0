package jp.jpki.lifecycle.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer where to look once the app is up. */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final EmbeddedStoresProperties stores;

    StartupReport(EmbeddedStoresProperties stores) {
        this.stores = stores;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String base = "http://localhost:" + port;
        log.info("""

                jpki-lifecycle is up (embedded default: no external server)
                  API        {}/api/certificate-pairs
                  OpenAPI    {}/swagger-ui.html  ({}/v3/api-docs)
                  Health     {}/actuator/health   Metrics {}/actuator/prometheus
                  Data       {}""",
                base, base, base, base, base, stores.dataDir().toAbsolutePath().normalize());
    }
}
