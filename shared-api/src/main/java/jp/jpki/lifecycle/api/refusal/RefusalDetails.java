package jp.jpki.lifecycle.api.refusal;

import java.util.Map;
import java.util.Objects;

/**
 * Why a handler refused a command or query, in a form that crosses the message bus: Axon Server carries a
 * handler's exception only as a message plus these details (serialized with the messages serializer), so the
 * HTTP side can answer with the same status, rule and facts whichever node handled the message.
 *
 * @param kind    what sort of refusal, which decides the HTTP status
 * @param ruleId  the rule that refused (e.g. {@code R-REN-1}); null unless {@code kind} is {@link Kind#RULE}
 * @param message what a clerk can act on; no personal data
 * @param facts   facts the front end may show (e.g. {@code opensOn}); values are strings or numbers
 * @param subject what the refusal is about when that is all it says (the unknown pair's id); may be null
 */
public record RefusalDetails(Kind kind, String ruleId, String message, Map<String, Object> facts, String subject) {

    public RefusalDetails {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static RefusalDetails rule(String ruleId, String message, Map<String, Object> facts) {
        return new RefusalDetails(Kind.RULE, Objects.requireNonNull(ruleId, "ruleId"), message, facts, null);
    }

    public static RefusalDetails of(Kind kind, String message, String subject) {
        return new RefusalDetails(kind, null, message, Map.of(), subject);
    }

    /** The sorts of refusal the HTTP side answers differently. */
    public enum Kind {
        /** A business rule refused: 422 naming the rule. */
        RULE(422),
        /** The caller may not act on this pair: 403. */
        FORBIDDEN(403),
        /** No such pair: 404. */
        NOT_FOUND(404),
        /** Collides with work in flight: 409. */
        CONFLICT(409),
        /** The message itself was malformed: 400. */
        INVALID(400);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }
}
