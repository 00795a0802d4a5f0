package jp.jpki.lifecycle.edge.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import jp.jpki.lifecycle.edge.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RecentCredentialsTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final CountingBCrypt bcrypt = new CountingBCrypt();
    private final MovableClock clock = new MovableClock(Clock.systemUTC().instant());
    private final RecentCredentials credentials = new RecentCredentials(bcrypt, clock, TTL, 2);
    private final String clerk = bcrypt.encode("clerk-demo");

    @Test
    void a_password_that_matched_is_not_hashed_again_within_the_ttl() {
        assertThat(credentials.matches("clerk-demo", clerk)).isTrue();
        assertThat(credentials.matches("clerk-demo", clerk)).isTrue();
        assertThat(credentials.matches("clerk-demo", clerk)).isTrue();

        assertThat(bcrypt.checks.get()).isEqualTo(1);
    }

    @Test
    void a_wrong_password_is_rejected_and_checked_in_full_every_time() {
        assertThat(credentials.matches("clerk-demo", clerk)).isTrue();

        assertThat(credentials.matches("clerk-demo ", clerk)).isFalse();
        assertThat(credentials.matches("clerk-demo ", clerk)).isFalse();
        assertThat(credentials.matches("", clerk)).isFalse();

        assertThat(bcrypt.checks.get()).isEqualTo(4);
    }

    @Test
    void a_remembered_password_does_not_open_another_account() {
        String supervisor = bcrypt.encode("supervisor-demo");
        assertThat(credentials.matches("clerk-demo", clerk)).isTrue();

        assertThat(credentials.matches("clerk-demo", supervisor)).isFalse();
    }

    @Test
    void a_changed_password_is_checked_against_its_new_hash() {
        assertThat(credentials.matches("clerk-demo", clerk)).isTrue();
        String changed = bcrypt.encode("new-secret");

        assertThat(credentials.matches("clerk-demo", changed)).isFalse();
        assertThat(credentials.matches("new-secret", changed)).isTrue();
    }

    @Test
    void the_match_expires_after_the_ttl_on_the_injected_clock() {
        assertThat(credentials.matches("clerk-demo", clerk)).isTrue();
        clock.advanceTo(clock.instant().plus(TTL).minusSeconds(1));
        assertThat(credentials.matches("clerk-demo", clerk)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(1);

        clock.advanceTo(clock.instant().plusSeconds(2));

        assertThat(credentials.matches("clerk-demo", clerk)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    @Test
    void remembers_at_most_its_bound_dropping_the_oldest() {
        String a = bcrypt.encode("a");
        String b = bcrypt.encode("b");
        String c = bcrypt.encode("c");
        credentials.matches("a", a);
        credentials.matches("b", b);
        credentials.matches("c", c); // "a" is dropped
        bcrypt.checks.set(0);

        credentials.matches("c", c);
        credentials.matches("b", b);
        credentials.matches("a", a);

        assertThat(bcrypt.checks.get()).isEqualTo(1);
    }

    @Test
    void keeps_neither_the_password_nor_its_plain_hash_in_memory() throws IllegalAccessException {
        credentials.matches("clerk-demo", clerk);

        for (var field : RecentCredentials.class.getDeclaredFields()) {
            field.setAccessible(true);
            String held = String.valueOf(field.get(credentials));
            assertThat(held).doesNotContain("clerk-demo").doesNotContain(clerk);
        }
    }

    /** Cost 4, as the demo accounts: the tests count checks, they do not measure them. */
    private static final class CountingBCrypt implements PasswordEncoder {
        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        private final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }
}
