package jp.jpki.lifecycle.edge;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jp.jpki.lifecycle.api.staff.StaffAuthorities;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may reach a URL: a member of staff holding one of the roles, who also works at a known office of a known
 * municipality. A caller whose authentication names a role but no workplace gets nothing.
 */
public final class StaffAccess {

    private StaffAccess() {
    }

    public static AuthorizationManager<RequestAuthorizationContext> anyRole(String... roles) {
        Set<String> granting = Arrays.stream(roles).map(role -> StaffAuthorities.ROLE_PREFIX + role)
                .collect(Collectors.toUnmodifiableSet());
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
                return new AuthorizationDecision(isStaffWithRole(authentication.get(), granting));
            }

            @Override
            public String toString() {
                return "staff with any of " + List.of(roles);
            }
        };
    }

    static boolean isStaffWithRole(Authentication authentication, Set<String> granting) {
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return false;
        }
        Collection<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return StaffAuthorities.office(authorities).isPresent() && StaffAuthorities.municipality(authorities).isPresent()
                && authorities.stream().anyMatch(granting::contains);
    }
}
