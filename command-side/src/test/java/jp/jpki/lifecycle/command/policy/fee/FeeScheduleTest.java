package jp.jpki.lifecycle.command.policy.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.jpki.lifecycle.api.pair.Procedure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

    private static final LocalDate DAY = LocalDate.parse("2026-06-01");
    private final FeeSchedule fees = FeeSchedule.defaults();

    @Test
    @DisplayName("R-PRC-7: first issue, renewal, issue after expiry, PIN reset and revocation are free")
    void r_prc_7_free_procedures() {
        assertThat(fees.feeYen(Procedure.ISSUANCE, false, DAY)).isZero();
        assertThat(fees.feeYen(Procedure.RENEWAL, false, DAY)).isZero();
        assertThat(fees.feeYen(Procedure.PIN_RESET, false, DAY)).isZero();
        assertThat(fees.feeYen(Procedure.REVOCATION, false, DAY)).isZero();
    }

    @Test
    @DisplayName("R-PRC-7: issuance on a card re-issued through the holder's own fault costs 200 yen for the pair")
    void r_prc_7_own_fault() {
        assertThat(fees.feeYen(Procedure.ISSUANCE, true, DAY)).isEqualTo(200);
    }

    @Test
    @DisplayName("R-PRC-7: the table is effective-dated: a new fee applies from its day, the old one until the day before")
    void r_prc_7_effective_dated() {
        List<FeeSchedule.FeeEntry> entries = new ArrayList<>(List.of(
                new FeeSchedule.FeeEntry(LocalDate.parse("2016-01-01"), FeeSchedule.FeeCase.ISSUANCE_ON_CARD_REISSUED_BY_OWN_FAULT, 200),
                new FeeSchedule.FeeEntry(LocalDate.parse("2027-04-01"), FeeSchedule.FeeCase.ISSUANCE_ON_CARD_REISSUED_BY_OWN_FAULT, 300)));
        FeeSchedule revised = new FeeSchedule(entries);
        assertThat(revised.feeYen(Procedure.ISSUANCE, true, LocalDate.parse("2027-03-31"))).isEqualTo(200);
        assertThat(revised.feeYen(Procedure.ISSUANCE, true, LocalDate.parse("2027-04-01"))).isEqualTo(300);
    }
}
