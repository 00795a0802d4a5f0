package jp.jpki.lifecycle.edge.authentication;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Password accounts exist only for trying the system out: a service refuses to start with any configured
 * outside the {@code demo} profile, and even there a hash must be BCrypt of cost 10 or more, so that a leaked
 * configuration does not give the passwords away at millions of guesses per second.
 */
public final class DemoStaffGuard {

    public static final String DEMO_PROFILE = "demo";
    static final int MIN_BCRYPT_COST = 10;
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[abxy]?\\$(\\d{2})\\$[./A-Za-z0-9]{53}$");

    private DemoStaffGuard() {
    }

    /** Answers whether password logins are on; throws when the configuration must not start. */
    public static boolean passwordLoginsAllowed(Environment environment, List<StaffProperties.StaffAccount> users) {
        if (users.isEmpty()) {
            return false;
        }
        if (!environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            throw new IllegalStateException("staff accounts with passwords (jpki.security.users) are configured, but the '"
                    + DEMO_PROFILE + "' profile is not active: they are demo users. Authenticate staff with OIDC "
                    + "(spring.security.oauth2.resourceserver.jwt.*) and remove jpki.security.users");
        }
        for (StaffProperties.StaffAccount user : users) {
            Matcher hash = BCRYPT.matcher(user.passwordHash() == null ? "" : user.passwordHash());
            if (!hash.matches() || Integer.parseInt(hash.group(1)) < MIN_BCRYPT_COST) {
                throw new IllegalStateException("the password hash of staff account '" + user.username()
                        + "' is not a BCrypt hash of cost " + MIN_BCRYPT_COST + " or more");
            }
            if (user.officeId() == null || user.municipalityCode() == null) {
                throw new IllegalStateException("staff account '" + user.username() + "' names no office or municipality");
            }
        }
        return true;
    }
}
