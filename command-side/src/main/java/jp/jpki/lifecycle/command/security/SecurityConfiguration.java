package jp.jpki.lifecycle.command.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff authenticate; roles decide what they reach (docs/architecture.md "Security"). CRL, OCSP and CA
 * certificates, health and the API description stay public. Production authenticates with access tokens
 * of the municipality's identity provider (set {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * or {@code jwk-set-uri}); without one, the demo accounts of {@code jpki.security.users} log in with HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StaffProperties.class, StaffTokenClaims.class})
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> tokenDecoder, StaffTokenClaims claims)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", tokenDecoder.getIfAvailable() != null
                    ? "Bearer realm=\"jpki-lifecycle\"" : "Basic realm=\"jpki-lifecycle\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"staff must authenticate\"}");
        };
        if (tokenDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(unauthorized)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new StaffTokenConverter(claims))));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
        }
        http.csrf(csrf -> csrf.disable()) // stateless API, credentials on every request: no browser session to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getWriter().write("{\"title\":\"Forbidden\",\"status\":403,"
                            + "\"detail\":\"your role does not allow this\"}");
                }))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/pki/**", "/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/webjars/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/certificate-pairs", "/api/certificate-pairs/**")
                        .hasAnyRole("CLERK", "SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/certificate-pairs", "/api/certificate-pairs/**")
                        .hasAnyRole("CLERK", "SUPERVISOR")
                        .requestMatchers("/api/statistics/**", "/api/statistics", "/dashboard/**", "/dashboard")
                        .hasAnyRole("STATISTICS", "SUPERVISOR")
                        .requestMatchers("/api/audit/**").hasRole("AUDITOR")
                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole("SUPERVISOR")
                        .anyRequest().authenticated());
        return http.build();
    }

    /** BCrypt, with matching passwords remembered for a few minutes ({@link RecentCredentials}). */
    @Bean
    PasswordEncoder passwordEncoder(Clock clock,
                                    @Value("${jpki.security.credential-cache.ttl:PT5M}") Duration ttl,
                                    @Value("${jpki.security.credential-cache.max-entries:1000}") int maxEntries) {
        return new RecentCredentials(new BCryptPasswordEncoder(), clock, ttl, maxEntries);
    }

    @Bean
    UserDetailsService staffDirectory(StaffProperties properties) {
        Map<String, StaffMember> byName = properties.users().stream()
                .map(a -> new StaffMember(a.username(), a.passwordHash(), a.roles(), a.officeId(), a.municipalityCode()))
                .collect(Collectors.toUnmodifiableMap(StaffMember::username, Function.identity()));
        return username -> {
            StaffMember member = byName.get(username);
            if (member == null) {
                throw new UsernameNotFoundException("unknown staff member");
            }
            return member;
        };
    }
}
