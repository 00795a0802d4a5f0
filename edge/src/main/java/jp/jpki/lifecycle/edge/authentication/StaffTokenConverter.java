package jp.jpki.lifecycle.edge.authentication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.jpki.lifecycle.api.staff.StaffAuthorities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Production staff come with an access token from the municipality's identity provider. Its claims name the
 * staff member's roles, office and municipality ({@link StaffTokenClaims}); they become the same authorities a
 * demo account has, so everything downstream reads one shape. A token that does not name both an office and a
 * municipality grants nothing at all: its roles alone would say what the caller may do, but not where.
 */
final class StaffTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(StaffTokenConverter.class);

    private final StaffTokenClaims claims;

    StaffTokenConverter(StaffTokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String username = token.getClaimAsString(claims.username());
        String name = username != null ? username : token.getSubject();
        String office = token.getClaimAsString(claims.office());
        String municipality = token.getClaimAsString(claims.municipality());
        if (isBlank(office) || isBlank(municipality)) {
            log.warn("access token without the '{}' or '{}' claim: it grants nothing", claims.office(), claims.municipality());
            return new JwtAuthenticationToken(token, List.of(), name);
        }
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        Collection<String> roles = token.getClaimAsStringList(claims.roles());
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(StaffAuthorities.ROLE_PREFIX + role)));
        }
        authorities.add(new SimpleGrantedAuthority(StaffAuthorities.OFFICE_PREFIX + office));
        authorities.add(new SimpleGrantedAuthority(StaffAuthorities.MUNICIPALITY_PREFIX + municipality));
        return new JwtAuthenticationToken(token, authorities, name);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
