package jp.jpki.lifecycle.command.policy.fee;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import jp.jpki.lifecycle.api.pair.Procedure;

/**
 * Fees per pair (R-PRC-7), effective-dated: first issue, renewal, issue after expiry, PIN reset and
 * revocation are free; an issuance on a card re-issued through the holder's own fault costs 200 yen for the
 * pair, not per certificate.
 */
public class FeeSchedule {

    public enum FeeCase { ISSUANCE, ISSUANCE_ON_CARD_REISSUED_BY_OWN_FAULT, RENEWAL, PIN_RESET, REVOCATION }

    public record FeeEntry(LocalDate effectiveFrom, FeeCase feeCase, int yen) {
    }

    private final List<FeeEntry> entries;

    public FeeSchedule(List<FeeEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static FeeSchedule defaults() {
        LocalDate start = LocalDate.of(2016, 1, 1);
        return new FeeSchedule(List.of(new FeeEntry(start, FeeCase.ISSUANCE, 0),
                new FeeEntry(start, FeeCase.ISSUANCE_ON_CARD_REISSUED_BY_OWN_FAULT, 200),
                new FeeEntry(start, FeeCase.RENEWAL, 0), new FeeEntry(start, FeeCase.PIN_RESET, 0),
                new FeeEntry(start, FeeCase.REVOCATION, 0)));
    }

    public int feeYen(Procedure procedure, boolean cardReissuedByOwnFault, LocalDate on) {
        FeeCase feeCase = switch (procedure) {
            case ISSUANCE -> cardReissuedByOwnFault ? FeeCase.ISSUANCE_ON_CARD_REISSUED_BY_OWN_FAULT : FeeCase.ISSUANCE;
            case RENEWAL -> FeeCase.RENEWAL;
            case PIN_RESET -> FeeCase.PIN_RESET;
            case REVOCATION -> FeeCase.REVOCATION;
        };
        return entries.stream().filter(e -> e.feeCase() == feeCase && !e.effectiveFrom().isAfter(on))
                .max(Comparator.comparing(FeeEntry::effectiveFrom)).map(FeeEntry::yen).orElse(0);
    }
}
