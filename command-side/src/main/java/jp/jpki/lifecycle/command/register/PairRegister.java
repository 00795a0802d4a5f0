package jp.jpki.lifecycle.command.register;

import jp.jpki.lifecycle.api.pair.PairId;

/**
 * The register of which pair a card and a resident belong to, across all pairs (R-ONE-1, R-ONE-2). A card once
 * claimed stays with its pair for good, also after the pair moved to a newer card, so a void card can never start a
 * second pair and its id keeps finding the pair it carried.
 */
public interface PairRegister {

    /**
     * Claims the card and the resident for the pair, in the transaction of the command that records the issuance.
     *
     * @throws jp.jpki.lifecycle.command.rules.RuleViolationException naming the pair that already holds either
     * @throws jp.jpki.lifecycle.command.pair.StateConflictException  when another command claims them at this moment
     */
    void claim(PairId pairId, String cardId, ResidentKey resident);

    /** A resident as the register knows them: the reference is opaque and only unique within its municipality. */
    record ResidentKey(String municipalityCode, String residentRef) {
        String key() {
            return "resident:" + municipalityCode + ":" + residentRef;
        }
    }
}
