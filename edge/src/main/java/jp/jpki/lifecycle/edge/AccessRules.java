package jp.jpki.lifecycle.edge;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The access rules of one module's URLs. Every module that serves HTTP declares its rules as a bean of this
 * type beside its controllers; the front door composes them into one filter chain and denies every URL that no
 * module claimed. Rules name a role through {@link StaffAccess}, which also requires the caller's office and
 * municipality, or make a URL public with {@code permitAll()}.
 */
@FunctionalInterface
public interface AccessRules {

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry urls);
}
