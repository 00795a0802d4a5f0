package jp.jpki.lifecycle.api.pair;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 基本4情報: name, address, date of birth and sex, as in the resident register. They go into the SIGN
 * certificate (R-CRD-3). Personal data: {@link #toString()} never prints them, so a stray log line
 * cannot leak them.
 */
public record BasicFourItems(String name, String address, LocalDate dateOfBirth, Sex sex) {
    public BasicFourItems {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(sex, "sex");
    }

    @Override
    public String toString() {
        return "BasicFourItems[redacted]";
    }
}
