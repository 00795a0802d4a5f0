package jp.jpki.lifecycle.edge;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.jpki.lifecycle.edge.authentication.DemoStaffGuard;
import jp.jpki.lifecycle.edge.authentication.LoginAttempts;
import jp.jpki.lifecycle.edge.authentication.StaffLogins;
import jp.jpki.lifecycle.edge.authentication.StaffProperties;
import jp.jpki.lifecycle.edge.authentication.StaffTokenClaims;
import jp.jpki.lifecycle.edge.authentication.StaffTokenDecoder;
import jp.jpki.lifecycle.edge.web.CorrelationIdFilter;
import jp.jpki.lifecycle.edge.web.CrossSiteRequestFilter;
import jp.jpki.lifecycle.edge.web.FallbackProblems;
import jp.jpki.lifecycle.edge.web.InputLimitsConfiguration;
import jp.jpki.lifecycle.edge.web.ProblemBodies;
import jp.jpki.lifecycle.edge.web.ProblemErrorController;
import jp.jpki.lifecycle.edge.web.StrictInputConfiguration;
import jp.jpki.lifecycle.edge.web.TomcatErrorConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The one front door of every HTTP service (docs/security.md): staff authenticate with an access token of the
 * municipality's identity provider, or, under the {@code demo} profile only, with a demo password; each
 * module's {@link AccessRules} say which role reaches which URL, and every URL no module claimed is denied.
 * Cross-site state changes are refused ({@link CrossSiteRequestFilter}), answers carry the usual security
 * headers, every refusal is a problem+json and a log line with the request's correlation id.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({StaffProperties.class, StaffTokenClaims.class, OAuth2ResourceServerProperties.class})
@Import({InputLimitsConfiguration.class, StrictInputConfiguration.class, TomcatErrorConfiguration.class,
        FallbackProblems.class, ProblemBodies.class, ProblemErrorController.class})
public class FrontDoorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FrontDoorConfiguration.class);

    /** Scripts, styles and data only from the service itself; no framing, no plugins, no foreign form targets. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    StaffLogins staffLogins(Environment environment, StaffProperties staff, OAuth2ResourceServerProperties oidc,
                            ObjectProvider<Clock> clock) {
        Optional<JwtDecoder> tokens = StaffTokenDecoder.from(oidc.getJwt());
        boolean passwords = DemoStaffGuard.passwordLoginsAllowed(environment, staff.users());
        if (tokens.isEmpty() && !passwords) {
            log.warn("no staff authentication is configured (OIDC or the demo profile): every protected URL answers 401");
        }
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        StaffProperties.Lockout lockout = staff.lockout();
        LoginAttempts attempts = new LoginAttempts(time, lockout.maxFailures(), lockout.duration(), lockout.maxTracked());
        return new StaffLogins(tokens, passwords ? staff.users() : List.of(), attempts, staff.credentialCache(), time);
    }

    /** Also keeps Spring Boot from creating its default user with a generated password. */
    @Bean
    AuthenticationProvider staffPasswords(StaffLogins logins) {
        return logins.passwords();
    }

    @Bean
    SecurityFilterChain frontDoor(HttpSecurity http, StaffLogins logins, StaffTokenClaims claims,
                                  ObjectProvider<AccessRules> moduleRules,
                                  @Value("${jpki.security.allowed-origins:}") Set<String> allowedOrigins) throws Exception {
        String challenge = logins.tokens().isPresent() ? "Bearer realm=\"jpki-lifecycle\"" : "Basic realm=\"jpki-lifecycle\"";
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            request.setAttribute(CorrelationIdFilter.REASON, "not authenticated (" + e.getMessage() + ")");
            problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "staff must authenticate");
            response.setHeader("WWW-Authenticate", challenge);
        };
        if (logins.tokens().isPresent()) {
            http.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(unauthorized)
                    .jwt(jwt -> jwt.decoder(logins.tokens().get()).jwtAuthenticationConverter(logins.tokenConverter(claims))));
        }
        if (logins.hasPasswords()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
        }
        http.authenticationProvider(logins.passwords())
                // the browser's own CSRF defence is the Origin check below; there is no session or form to token
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteRequestFilter(allowedOrigins), CsrfFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(Duration.ofDays(365).toSeconds())))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler((request, response, e) -> {
                    request.setAttribute(CorrelationIdFilter.REASON, "role or workplace does not allow this");
                    problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "your role does not allow this");
                }))
                .authorizeHttpRequests(urls -> {
                    urls.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    moduleRules.orderedStream().forEach(rules -> rules.declare(urls));
                    urls.anyRequest().denyAll();
                });
        return http.build();
    }

    /** The front door's own URLs: the error page, health, the API description, metrics and the rest of actuator. */
    @Bean
    AccessRules frontDoorRules() {
        return urls -> urls
                .requestMatchers("/error", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                .requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                .access(StaffAccess.anyRole("MONITORING", "SUPERVISOR"))
                .requestMatchers("/actuator/**").access(StaffAccess.anyRole("SUPERVISOR"));
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
