package jp.jpki.lifecycle.command.register;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.jpki.lifecycle.api.pair.PairId;
import jp.jpki.lifecycle.command.rules.Decision;
import jp.jpki.lifecycle.command.rules.RuleViolationException;

/** The register for aggregate tests, which have no database: the same answers as the table, held in a map. */
public final class InMemoryPairRegister implements PairRegister {

    private final Map<String, String> owners = new ConcurrentHashMap<>();

    @Override
    public void claim(PairId pairId, String cardId, ResidentKey resident) {
        String cardOwner = owners.getOrDefault("card:" + cardId, pairId.value());
        String residentOwner = owners.getOrDefault(resident.key(), pairId.value());
        refuseUnlessOwn(cardOwner, pairId, "R-ONE-1");
        refuseUnlessOwn(residentOwner, pairId, "R-ONE-2");
        owners.put("card:" + cardId, pairId.value());
        owners.put(resident.key(), pairId.value());
    }

    /** A claim another pair made earlier. */
    public InMemoryPairRegister claimedBy(PairId pairId, String cardId, ResidentKey resident) {
        owners.put("card:" + cardId, pairId.value());
        owners.put(resident.key(), pairId.value());
        return this;
    }

    private static void refuseUnlessOwn(String owner, PairId pairId, String ruleId) {
        if (!owner.equals(pairId.value())) {
            throw new RuleViolationException(new Decision.Refused(ruleId, "already held by pair " + owner,
                    Map.of("existingPairId", owner)));
        }
    }
}
