package jp.jpki.lifecycle.command.policy.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.command.policy.fee.FeeSchedule.FeeCase;
import jp.jpki.lifecycle.command.policy.fee.FeeSchedule.FeeEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 3, 10);
    private final FeeSchedule fees = FeeSchedule.defaults();

    @Test
    @DisplayName("R-PRC-7: a first issue (and an issue after expiry, R-REN-3) is free")
    void issuanceIsFree() {
        assertThat(fees.feeYen(Procedure.ISSUANCE, false, TODAY)).isZero();
    }

    @Test
    @DisplayName("R-PRC-7: a renewal is free")
    void renewalIsFree() {
        assertThat(fees.feeYen(Procedure.RENEWAL, false, TODAY)).isZero();
    }

    @Test
    @DisplayName("R-PRC-7: an issuance on a card re-issued through the holder's own fault costs 200 yen for the pair")
    void ownFaultCosts200() {
        assertThat(fees.feeYen(Procedure.ISSUANCE, true, TODAY)).isEqualTo(200);
    }

    @Test
    @DisplayName("R-PRC-7: revocation and a PIN reset are free")
    void revocationAndPinResetFree() {
        assertThat(fees.feeYen(Procedure.REVOCATION, false, TODAY)).isZero();
        assertThat(fees.feeYen(Procedure.PIN_RESET, false, TODAY)).isZero();
    }

    @Test
    @DisplayName("R-PRC-7: the fee table is effective-dated: a new entry applies from its first day")
    void effectiveDated() {
        LocalDate start = LocalDate.of(2016, 1, 1);
        LocalDate change = LocalDate.of(2030, 4, 1);
        var schedule = new FeeSchedule(List.of(new FeeEntry(start, FeeCase.RENEWAL, 0),
                new FeeEntry(change, FeeCase.RENEWAL, 200),
                new FeeEntry(start, FeeCase.ISSUANCE_ON_CARD_REISSUED_BY_OWN_FAULT, 200),
                new FeeEntry(change, FeeCase.ISSUANCE_ON_CARD_REISSUED_BY_OWN_FAULT, 300)));
        assertThat(schedule.feeYen(Procedure.RENEWAL, false, change.minusDays(1))).isZero();
        assertThat(schedule.feeYen(Procedure.RENEWAL, false, change)).isEqualTo(200);
        assertThat(schedule.feeYen(Procedure.ISSUANCE, true, change.minusDays(1))).isEqualTo(200);
        assertThat(schedule.feeYen(Procedure.ISSUANCE, true, change)).isEqualTo(300);
    }

    @Test
    @DisplayName("R-PRC-7: the order of the entries does not matter, the latest effective one wins")
    void orderDoesNotMatter() {
        var schedule = new FeeSchedule(List.of(new FeeEntry(LocalDate.of(2030, 4, 1), FeeCase.RENEWAL, 200),
                new FeeEntry(LocalDate.of(2016, 1, 1), FeeCase.RENEWAL, 0)));
        assertThat(schedule.feeYen(Procedure.RENEWAL, false, LocalDate.of(2031, 1, 1))).isEqualTo(200);
        assertThat(schedule.feeYen(Procedure.RENEWAL, false, LocalDate.of(2029, 1, 1))).isZero();
    }
}
