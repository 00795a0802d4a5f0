package jp.jpki.lifecycle.edge.authentication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Names of the access-token claims that carry a staff member's identity; identity providers differ, so they
 * are configurable ({@code jpki.security.token-claims.*}).
 */
@ConfigurationProperties(prefix = "jpki.security.token-claims")
public record StaffTokenClaims(@DefaultValue("preferred_username") String username,
                               @DefaultValue("roles") String roles,
                               @DefaultValue("office") String office,
                               @DefaultValue("municipality") String municipality) {
}
