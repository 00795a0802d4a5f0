package jp.jpki.lifecycle.command.rules;

import java.util.Map;

/** A command was refused by a rule of docs/domain.md; nothing was changed. */
public class RuleViolationException extends RuntimeException {

    private final Decision.Refused refusal;

    public RuleViolationException(Decision.Refused refusal) {
        super(refusal.ruleId() + ": " + refusal.message());
        this.refusal = refusal;
    }

    public RuleViolationException(String ruleId, String message) {
        this(new Decision.Refused(ruleId, message, Map.of()));
    }

    public String ruleId() {
        return refusal.ruleId();
    }

    public Decision.Refused refusal() {
        return refusal;
    }
}
