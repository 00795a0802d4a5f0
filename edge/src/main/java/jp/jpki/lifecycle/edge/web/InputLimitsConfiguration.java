package jp.jpki.lifecycle.edge.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What every request passes before anything else: its correlation id first (so even the earliest refusal is
 * logged with one), then the limits on what reaches the application at all, answered as problems like every
 * other refusal.
 */
@Configuration(proxyBeanMethods = false)
public class InputLimitsConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIds() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(@Value("${jpki.http.max-body-bytes:65536}") long maxBytes) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** URLs Spring Security's firewall refuses (encoded slashes, path traversal, control characters). */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> {
            request.setAttribute(CorrelationIdFilter.REASON, "URL refused by the firewall");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"title\":\"Invalid request\",\"status\":400,"
                    + "\"detail\":\"the request URL contains characters or sequences that are not allowed\"}");
        };
    }
}
