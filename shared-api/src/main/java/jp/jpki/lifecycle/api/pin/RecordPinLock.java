package jp.jpki.lifecycle.api.pin;

import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.PairId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A lock was observed on the card (63C0/6983/6984) or reported by the resident (R-PIN-2, R-PIN-6). */
public record RecordPinLock(@TargetAggregateIdentifier PairId pairId, CertificateKind kind) {
}
