package jp.jpki.lifecycle.edge.authentication;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff accounts with passwords: demo users for a local try-out, accepted only under the {@code demo} profile
 * ({@link DemoStaffGuard}). Production authenticates staff through the municipality's identity provider (OIDC).
 *
 * @param users    accounts with BCrypt-hashed passwords (cost 10 or more), role names (CLERK, SUPERVISOR,
 *                 STATISTICS, AUDITOR, MONITORING), the office they sit at and its municipality code
 * @param lockout  how many wrong passwords in a row lock an account, and for how long
 * @param credentialCache how long a password that matched is remembered ({@link RecentCredentials})
 */
@ConfigurationProperties(prefix = "jpki.security")
public record StaffProperties(@DefaultValue List<StaffAccount> users, @DefaultValue Lockout lockout,
                              @DefaultValue CredentialCache credentialCache) {

    public record StaffAccount(String username, String passwordHash, List<String> roles, String officeId,
                               String municipalityCode) {
    }

    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration duration,
                          @DefaultValue("10000") int maxTracked) {
    }

    public record CredentialCache(@DefaultValue("PT5M") Duration ttl, @DefaultValue("1000") int maxEntries) {
    }
}
