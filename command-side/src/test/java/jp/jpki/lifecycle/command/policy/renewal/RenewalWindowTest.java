package jp.jpki.lifecycle.command.policy.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalWindowTest {

    private final RenewalWindow window = new RenewalWindow();

    @ParameterizedTest(name = "R-REN-1: notAfter {0} -> the window opens {1}")
    @CsvSource({"2028-08-01, 2028-05-02", "2031-11-14, 2031-08-15", "2029-05-31, 2029-03-01", "2030-11-30, 2030-08-31",
            "2031-02-28, 2030-11-29"})
    void r_ren_1_opens_three_months_before_plus_a_day_month_end_clamped(String notAfter, String opensOn) {
        assertThat(window.opensOn(LocalDate.parse(notAfter))).isEqualTo(LocalDate.parse(opensOn));
    }

    @Test
    @DisplayName("R-REN-1: before the window a renewal is refused with the day it opens")
    void r_ren_1_refusal_names_the_opening_day() {
        Decision decision = window.check(LocalDate.parse("2031-11-14"), LocalDate.parse("2031-08-14"));
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
            assertThat(refused.ruleId()).isEqualTo("R-REN-1");
            assertThat(refused.facts()).containsEntry("opensOn", "2031-08-15");
        });
    }

    @Test
    @DisplayName("R-REN-1: open from the opening day to notAfter, both included")
    void r_ren_1_open_inclusive() {
        LocalDate notAfter = LocalDate.parse("2031-11-14");
        assertThat(window.isOpen(notAfter, LocalDate.parse("2031-08-15"))).isTrue();
        assertThat(window.isOpen(notAfter, notAfter)).isTrue();
        assertThat(window.isOpen(notAfter, LocalDate.parse("2031-11-15"))).isFalse();
        assertThat(window.check(notAfter, LocalDate.parse("2031-10-01")).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("R-REN-3: after expiry there is nothing to renew: a new issue instead")
    void r_ren_3_after_expiry() {
        assertThat(window.check(LocalDate.parse("2031-11-14"), LocalDate.parse("2031-11-15")))
                .isInstanceOfSatisfying(Decision.Refused.class, refused -> assertThat(refused.ruleId()).isEqualTo("R-REN-3"));
    }

    @Test
    @DisplayName("R-REN-4: the expiry notice is due three months before expiry")
    void r_ren_4_notice() {
        assertThat(window.expiryNoticeDue(LocalDate.parse("2031-11-14"))).isEqualTo(LocalDate.parse("2031-08-14"));
    }
}
