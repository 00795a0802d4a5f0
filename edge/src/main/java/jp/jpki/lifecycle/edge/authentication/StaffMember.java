package jp.jpki.lifecycle.edge.authentication;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import jp.jpki.lifecycle.api.staff.StaffAuthorities;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** An authenticated member of staff: where they work travels as metadata on every command they send. */
public record StaffMember(String username, String passwordHash, List<String> roles, String officeId,
                          String municipalityCode) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Stream.concat(roles.stream().map(role -> StaffAuthorities.ROLE_PREFIX + role),
                        Stream.of(StaffAuthorities.OFFICE_PREFIX + officeId, StaffAuthorities.MUNICIPALITY_PREFIX + municipalityCode))
                .map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "StaffMember[" + username + "@" + officeId + "]";
    }
}
