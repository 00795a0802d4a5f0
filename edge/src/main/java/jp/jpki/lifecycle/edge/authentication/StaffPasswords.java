package jp.jpki.lifecycle.edge.authentication;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password logins (HTTP Basic, demo profile only) with a lockout ({@link LoginAttempts}). Every failure is
 * logged without the password; the account name only when it is one of ours, since a name field also catches
 * passwords typed in the wrong box. A locked account is refused before its hash is checked, with the same
 * answer as a wrong password.
 */
final class StaffPasswords implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(StaffPasswords.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final Set<String> accounts;

    StaffPasswords(DaoAuthenticationProvider passwords, LoginAttempts attempts, Set<String> accounts) {
        this.passwords = passwords;
        this.attempts = attempts;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        String who = accounts.contains(name) ? "account '" + name + "'" : "an unknown account";
        if (attempts.lockedUntil(name).isPresent()) {
            log.warn("authentication refused: {} is locked after repeated wrong passwords", who);
            throw new LockedException("the account is locked");
        }
        try {
            Authentication authenticated = passwords.authenticate(authentication);
            attempts.succeeded(name);
            return authenticated;
        } catch (BadCredentialsException e) {
            int inARow = attempts.failed(name);
            log.warn("authentication failed: wrong password for {} ({} in a row)", who, inARow);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
