package jp.jpki.lifecycle.command.policy.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.jpki.lifecycle.command.rules.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalWindowTest {

    private static final LocalDate NOT_AFTER = LocalDate.of(2028, 11, 14);
    private final RenewalWindow window = new RenewalWindow();

    @ParameterizedTest(name = "R-REN-1: notAfter {0} → window opens {1}")
    @CsvSource({
            "2028-08-01, 2028-05-02",   // Omura's example
            "2031-11-14, 2031-08-15",
            "2029-05-31, 2029-03-01",   // month-end clamped: 2029-02-28 + 1
            "2030-11-30, 2030-08-31",
            "2031-02-28, 2030-11-29",
            "2032-05-31, 2032-03-01",   // leap year: 2032-02-29 + 1
    })
    void opensOn(LocalDate notAfter, LocalDate opensOn) {
        assertThat(window.opensOn(notAfter)).isEqualTo(opensOn);
    }

    @Test
    @DisplayName("R-REN-1: renewal the day before the window is refused with the date it opens")
    void refusedBeforeWindowWithOpeningDate() {
        Decision decision = window.check(NOT_AFTER, LocalDate.of(2028, 8, 14));
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
            assertThat(refused.ruleId()).isEqualTo("R-REN-1");
            assertThat(refused.facts()).containsEntry("opensOn", "2028-08-15");
            assertThat(refused.message()).contains("2028-08-15");
        });
        assertThat(window.isOpen(NOT_AFTER, LocalDate.of(2028, 8, 14))).isFalse();
    }

    @Test
    @DisplayName("R-REN-1: the window is open from its first day through notAfter")
    void openFromFirstDayThroughNotAfter() {
        assertThat(window.check(NOT_AFTER, LocalDate.of(2028, 8, 15)).isAllowed()).isTrue();
        assertThat(window.check(NOT_AFTER, NOT_AFTER).isAllowed()).isTrue();
        assertThat(window.isOpen(NOT_AFTER, LocalDate.of(2028, 8, 15))).isTrue();
        assertThat(window.isOpen(NOT_AFTER, NOT_AFTER)).isTrue();
    }

    @Test
    @DisplayName("R-REN-3: after notAfter there is nothing to renew; a new issue (free, k = 5) is the way")
    void afterExpiryNewIssue() {
        Decision decision = window.check(NOT_AFTER, NOT_AFTER.plusDays(1));
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class,
                refused -> assertThat(refused.ruleId()).isEqualTo("R-REN-3"));
        assertThat(window.isOpen(NOT_AFTER, NOT_AFTER.plusDays(1))).isFalse();
    }

    @Test
    @DisplayName("R-REN-4: the expiry notice is due 3 months before expiry, month-end clamped")
    void expiryNoticeDue() {
        assertThat(window.expiryNoticeDue(NOT_AFTER)).isEqualTo(LocalDate.of(2028, 8, 14));
        assertThat(window.expiryNoticeDue(LocalDate.of(2029, 5, 31))).isEqualTo(LocalDate.of(2029, 2, 28));
    }
}
