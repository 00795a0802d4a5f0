package jp.jpki.lifecycle.command.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.jpki.lifecycle.api.staff.StaffAuthorities;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Production staff come with an access token from the municipality's identity provider. Its claims name the
 * staff member's roles, office and municipality ({@link StaffTokenClaims}); they become the same authorities a
 * demo account has, so everything downstream reads one shape.
 */
final class StaffTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final StaffTokenClaims claims;

    StaffTokenConverter(StaffTokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        Collection<String> roles = token.getClaimAsStringList(claims.roles());
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(StaffAuthorities.ROLE_PREFIX + role)));
        }
        String office = token.getClaimAsString(claims.office());
        if (office != null) {
            authorities.add(new SimpleGrantedAuthority(StaffAuthorities.OFFICE_PREFIX + office));
        }
        String municipality = token.getClaimAsString(claims.municipality());
        if (municipality != null) {
            authorities.add(new SimpleGrantedAuthority(StaffAuthorities.MUNICIPALITY_PREFIX + municipality));
        }
        String username = token.getClaimAsString(claims.username());
        return new JwtAuthenticationToken(token, authorities, username != null ? username : token.getSubject());
    }
}
