package jp.jpki.lifecycle.command.rules;

import java.util.Map;
import java.util.Objects;

/**
 * What a policy says about a request: allowed, or refused with the rule that refused it, a message a
 * clerk can act on, and facts the front-end may show (e.g. {@code opensOn} for R-REN-1).
 */
public sealed interface Decision permits Decision.Allowed, Decision.Refused {

    Decision ALLOWED = new Allowed();

    static Decision allowed() {
        return ALLOWED;
    }

    static Decision refused(String ruleId, String message) {
        return new Refused(ruleId, message, Map.of());
    }

    static Decision refused(String ruleId, String message, Map<String, Object> facts) {
        return new Refused(ruleId, message, facts);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** Throws {@link RuleViolationException} when refused; lets command handlers read as a list of checks. */
    default void orThrow() {
        if (this instanceof Refused refused) {
            throw new RuleViolationException(refused);
        }
    }

    /** The first refusal of the two, or allowed. */
    default Decision and(Decision next) {
        return isAllowed() ? next : this;
    }

    record Allowed() implements Decision {
    }

    record Refused(String ruleId, String message, Map<String, Object> facts) implements Decision {
        public Refused {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(message, "message");
            facts = Map.copyOf(facts);
        }
    }
}
