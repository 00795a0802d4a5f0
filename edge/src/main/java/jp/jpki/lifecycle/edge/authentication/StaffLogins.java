package jp.jpki.lifecycle.edge.authentication;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The ways staff may log in to this service, decided once at start-up: access tokens when OIDC is configured,
 * passwords when demo accounts are allowed ({@link DemoStaffGuard}); either, both, or neither (then every
 * protected URL answers 401).
 */
public final class StaffLogins {

    private final Optional<JwtDecoder> tokens;
    private final Map<String, StaffMember> accounts;
    private final AuthenticationProvider passwords;

    public StaffLogins(Optional<JwtDecoder> tokens, List<StaffProperties.StaffAccount> users, LoginAttempts attempts,
                       StaffProperties.CredentialCache cache, Clock clock) {
        this.tokens = tokens;
        this.accounts = users.stream()
                .map(a -> new StaffMember(a.username(), a.passwordHash(), List.copyOf(a.roles()), a.officeId(), a.municipalityCode()))
                .collect(Collectors.toUnmodifiableMap(StaffMember::username, Function.identity()));
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(username -> {
            StaffMember member = accounts.get(username);
            if (member == null) {
                throw new UsernameNotFoundException("unknown staff member");
            }
            return member;
        });
        dao.setPasswordEncoder(new RecentCredentials(new BCryptPasswordEncoder(), clock, cache.ttl(), cache.maxEntries()));
        this.passwords = new StaffPasswords(dao, attempts, accounts.keySet());
    }

    public Optional<JwtDecoder> tokens() {
        return tokens;
    }

    public boolean hasPasswords() {
        return !accounts.isEmpty();
    }

    public AuthenticationProvider passwords() {
        return passwords;
    }

    public Converter<Jwt, AbstractAuthenticationToken> tokenConverter(StaffTokenClaims claims) {
        return new StaffTokenConverter(claims);
    }
}
