package jp.jpki.lifecycle.query.web;

import java.util.Optional;
import jp.jpki.lifecycle.api.staff.StaffAuthorities;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The municipality the calling staff member works for, if the caller is staff. Lookups and audit reads show only
 * that municipality's residents: a pair elsewhere answers as if it did not exist, so its existence does not leak.
 * A caller without a municipality covers none (fail closed).
 */
public final class CallerJurisdiction {

    private CallerJurisdiction() {
    }

    public static Optional<String> municipality() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        return StaffAuthorities.municipality(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    public static boolean covers(String municipalityCode) {
        return municipality().map(own -> own.equals(municipalityCode)).orElse(false);
    }
}
