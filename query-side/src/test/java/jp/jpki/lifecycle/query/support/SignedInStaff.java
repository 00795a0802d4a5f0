package jp.jpki.lifecycle.query.support;

import java.util.List;
import jp.jpki.lifecycle.api.staff.StaffAuthorities;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * For controller tests that leave the front door out (MockMvc without filters): a clerk of Setagaya is signed in
 * on the test's thread, where the controllers read the caller's municipality. The front door itself is tested in
 * {@code QuerySideFrontDoorTest}.
 */
public final class SignedInStaff implements BeforeEachCallback, AfterEachCallback {

    public static final String MUNICIPALITY = "131121";

    @Override
    public void beforeEach(ExtensionContext context) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("clerk-7", null,
                List.of(new SimpleGrantedAuthority(StaffAuthorities.ROLE_PREFIX + "CLERK"),
                        new SimpleGrantedAuthority(StaffAuthorities.OFFICE_PREFIX + "setagaya-main"),
                        new SimpleGrantedAuthority(StaffAuthorities.MUNICIPALITY_PREFIX + MUNICIPALITY))));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
    }
}
