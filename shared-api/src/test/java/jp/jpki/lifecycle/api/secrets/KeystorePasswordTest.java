package jp.jpki.lifecycle.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeystorePasswordTest {

    @Test
    @DisplayName("R-KEY-1: outside the demo profile a blank, the demo's or a placeholder password refuses the start")
    void published_passwords_refused_outside_demo() {
        for (String published : new String[] {null, "", "  ", "demo-default", "change-me", "CHANGEIT"}) {
            assertThatThrownBy(() -> KeystorePassword.resolve(published, false, "jpki.ca.password", "demo-default"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("jpki.ca.password");
        }
        assertThat(KeystorePassword.resolve("a long secret of this site", false, "jpki.ca.password", "demo-default"))
                .containsExactly("a long secret of this site".toCharArray());
    }

    @Test
    @DisplayName("R-KEY-1: under the demo profile a blank password is the published demo one")
    void demo_profile_has_its_default() {
        assertThat(KeystorePassword.resolve(null, true, "jpki.ca.password", "demo-default")).containsExactly("demo-default".toCharArray());
        assertThat(KeystorePassword.resolve("own", true, "jpki.ca.password", "demo-default")).containsExactly("own".toCharArray());
    }
}
