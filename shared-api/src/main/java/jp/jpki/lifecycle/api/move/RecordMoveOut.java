package jp.jpki.lifecycle.api.move;

import java.time.LocalDate;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 転出届 at the resident's municipality: the resident moves to another municipality of Japan (R-MOV-1). */
public record RecordMoveOut(@TargetAggregateIdentifier PairId pairId, String toMunicipalityCode, LocalDate plannedMoveOn) {
}
