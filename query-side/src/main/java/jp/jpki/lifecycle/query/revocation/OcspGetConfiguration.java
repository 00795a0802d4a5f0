package jp.jpki.lifecycle.query.revocation;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * OCSP over GET: Tomcat passes an encoded '/' through undecoded (so it never splits a path, anywhere), and
 * {@link OcspGetFilter} answers before the security filters, which turn encoded slashes away on every other path.
 */
@Configuration(proxyBeanMethods = false)
class OcspGetConfiguration {

    @Bean
    FilterRegistrationBean<OcspGetFilter> ocspGetFilter(OcspResponder ocsp) {
        FilterRegistrationBean<OcspGetFilter> registration = new FilterRegistrationBean<>(new OcspGetFilter(ocsp));
        registration.addUrlPatterns("/pki/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesPassThrough() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
