package jp.jpki.lifecycle.edge;

import java.util.List;
import jp.jpki.lifecycle.api.staff.StaffAuthorities;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling and from where, read from any authentication (demo account or OIDC token) through the
 * authorities of {@link StaffAuthorities}. A caller without an office or municipality is not staff.
 */
public record StaffIdentity(String username, String officeId, String municipalityCode, List<String> authorities) {

    public static StaffIdentity of(Authentication authentication) {
        List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        String office = StaffAuthorities.office(authorities)
                .orElseThrow(() -> new NotStaffException("the caller's authentication names no office"));
        String municipality = StaffAuthorities.municipality(authorities)
                .orElseThrow(() -> new NotStaffException("the caller's authentication names no municipality"));
        return new StaffIdentity(authentication.getName(), office, municipality, authorities);
    }

    public boolean hasRole(String role) {
        return authorities.contains(StaffAuthorities.ROLE_PREFIX + role);
    }

    /** Authenticated, but not as a member of staff of an office: such a caller may not act at a counter. */
    public static final class NotStaffException extends RuntimeException {
        public NotStaffException(String message) {
            super(message);
        }
    }
}
