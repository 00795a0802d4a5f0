package jp.jpki.lifecycle.command.policy.validity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EndOfValidityTest {

    @Test
    @DisplayName("R-VAL-7: a certificate valid until D has expired at the start of D+1 in Japan, not before")
    void r_val_7_end_of_the_notafter_day_in_jst() {
        LocalDate notAfter = LocalDate.of(2028, 11, 14);
        assertThat(EndOfValidity.lastSecond(notAfter)).isEqualTo(Instant.parse("2028-11-14T14:59:59Z"));
        assertThat(EndOfValidity.expiredAt(notAfter)).isEqualTo(Instant.parse("2028-11-14T15:00:00Z"));
    }
}
