package jp.jpki.lifecycle.api.staff;

import java.util.Collection;
import java.util.Optional;

/**
 * How a caller's workplace travels with their authentication, whatever authenticated them (demo accounts,
 * an OIDC token): as granted authorities {@code OFFICE_<id>} and {@code MUNICIPALITY_<code>} beside the
 * {@code ROLE_<role>} ones. Every side reads the caller's scope from the same strings.
 */
public final class StaffAuthorities {
    public static final String ROLE_PREFIX = "ROLE_";
    public static final String OFFICE_PREFIX = "OFFICE_";
    public static final String MUNICIPALITY_PREFIX = "MUNICIPALITY_";

    private StaffAuthorities() {
    }

    public static Optional<String> office(Collection<String> authorities) {
        return valueOf(authorities, OFFICE_PREFIX);
    }

    public static Optional<String> municipality(Collection<String> authorities) {
        return valueOf(authorities, MUNICIPALITY_PREFIX);
    }

    private static Optional<String> valueOf(Collection<String> authorities, String prefix) {
        return authorities.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }
}
