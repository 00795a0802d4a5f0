package jp.jpki.lifecycle.api.move;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.serialization.Revision;

/**
 * The pair now belongs to the municipality the resident moved into (R-MOV-2): from here on its staff, not the old
 * municipality's, serve it.
 *
 * @param filedOn the day the move-in was filed, from which the continued-use period runs (R-MOV-3)
 */
@Revision("1")
public record JurisdictionHandedOver(PairId pairId, String fromMunicipalityCode, String toMunicipalityCode,
                                     HolderFacts holder, LocalDate movedInOn, LocalDate filedOn) {
}
