package jp.jpki.lifecycle.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.jpki.lifecycle.api.issuance.IssuanceRequested;
import jp.jpki.lifecycle.api.lifecycle.CertificateSlot;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.CertificateStatus;
import jp.jpki.lifecycle.api.pair.RevocationReason;
import jp.jpki.lifecycle.api.revocation.CardInvalidated;

/**
 * A pair's state at an instant, by replaying its audit entries up to it through the same fold the aggregate
 * decides with ({@link CertificateSlot}). Entries hold the event's simple type name and its JSON payload.
 */
final class PairStateFold {

    private static final Map<String, Class<?>> EVENT_TYPES = CertificateSlot.EVENT_TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper json;
    private final Map<CertificateKind, CertificateSlot> slots = new EnumMap<>(Map.of(
            CertificateKind.SIGN, CertificateSlot.NONE, CertificateKind.AUTH, CertificateSlot.NONE));
    private String cardId;
    private LocalDate cardExpiry;
    private boolean cardInvalidated;
    private long lastSeq = -1;
    private String lastEvent;

    PairStateFold(ObjectMapper json) {
        this.json = json;
    }

    void apply(long seq, String type, JsonNode payload) {
        lastSeq = seq;
        lastEvent = type;
        Class<?> eventType = EVENT_TYPES.get(type);
        if (type.equals(CardInvalidated.class.getSimpleName())) {
            cardInvalidated = true;
        }
        if (eventType == null) {
            return; // process events (failures, proxy visits, notices) change no certificate's state
        }
        Object event = read(payload, eventType);
        if (event instanceof IssuanceRequested requested) {
            cardId = requested.card().cardId();
            cardExpiry = requested.cardExpiry();
        }
        slots.replaceAll((kind, slot) -> slot.next(kind, event));
    }

    private Object read(JsonNode payload, Class<?> type) {
        try {
            return json.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit entry of type " + type.getSimpleName() + " no longer reads", e);
        }
    }

    /** One kind's certificate at the instant. */
    record Certificate(CertificateStatus status, String serialHex, LocalDate notAfter, boolean pinLocked,
                       RevocationReason revocationReason) {
        static Certificate of(CertificateSlot slot) {
            return new Certificate(slot.status(), slot.serialHex(), slot.notAfter(), slot.pinLocked(),
                    slot.revocationReason());
        }
    }

    /** The state as the API shows it. */
    record PairState(String pairId, String at, long lastSeq, String lastEvent, String cardId, LocalDate cardExpiry,
                     boolean cardInvalidated, Map<CertificateKind, Certificate> certificates) {
    }

    PairState state(String pairId, String at) {
        Map<CertificateKind, Certificate> certificates = new EnumMap<>(CertificateKind.class);
        slots.forEach((kind, slot) -> certificates.put(kind, Certificate.of(slot)));
        return new PairState(pairId, at, lastSeq, lastEvent, cardId, cardExpiry, cardInvalidated, certificates);
    }
}
