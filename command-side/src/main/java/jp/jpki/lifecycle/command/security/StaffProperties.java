package jp.jpki.lifecycle.command.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff accounts of the embedded default. These are demo users for a local try-out: production
 * authenticates staff through the municipality's identity provider (OAuth2/OIDC).
 *
 * @param users accounts with BCrypt-hashed passwords, role names (CLERK, SUPERVISOR, STATISTICS, AUDITOR),
 *              the office they sit at and its municipality code
 */
@ConfigurationProperties(prefix = "jpki.security")
public record StaffProperties(@DefaultValue List<StaffAccount> users) {

    public record StaffAccount(String username, String passwordHash, List<String> roles, String officeId,
                               String municipalityCode) {
    }
}
