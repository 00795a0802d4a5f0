package jp.jpki.lifecycle.api.move;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/** The resident filed a move-out; SIGN is revoked by the event that follows (R-MOV-1). */
@Revision("1")
public record MovedOut(PairId pairId, String fromMunicipalityCode, String toMunicipalityCode, LocalDate plannedMoveOn) {
}
