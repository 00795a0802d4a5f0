package jp.jpki.lifecycle.command.policy.validity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EndOfValidityTest {

    @Test
    @DisplayName("R-VAL-7: validity until D ends at D 23:59:59 JST (14:59:59Z)")
    void lastSecondIsJstEndOfDay() {
        assertThat(EndOfValidity.lastSecond(LocalDate.of(2028, 11, 14))).isEqualTo(Instant.parse("2028-11-14T14:59:59Z"));
    }

    @Test
    @DisplayName("R-VAL-7: the certificate has expired from the start of the next JST day")
    void expiredAtNextJstMidnight() {
        assertThat(EndOfValidity.expiredAt(LocalDate.of(2028, 11, 14))).isEqualTo(Instant.parse("2028-11-14T15:00:00Z"));
        assertThat(EndOfValidity.expiredAt(LocalDate.of(2028, 12, 31))).isEqualTo(Instant.parse("2028-12-31T15:00:00Z"));
    }
}
