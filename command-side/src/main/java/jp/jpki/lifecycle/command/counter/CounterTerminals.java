package jp.jpki.lifecycle.command.counter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.command.rules.Decision;

/**
 * Which office each counter terminal stands in (R-TRM-1): card work is ordered only at a terminal of the caller's
 * own office, so a clerk cannot send a resident's card work to a terminal in another office, or to a terminal id
 * nobody configured. No terminals configured means no card work at all: the table fails closed.
 */
final class CounterTerminals {

    private final Map<String, String> officeByTerminal;

    CounterTerminals(List<Terminal> terminals) {
        Map<String, String> offices = new HashMap<>();
        for (Terminal terminal : terminals) {
            if (terminal.id() == null || !terminal.id().matches(CounterRequests.TERMINAL)) {
                throw new IllegalArgumentException("jpki.counter.terminals: terminal id '" + terminal.id()
                        + "' must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
            }
            if (terminal.officeId() == null || terminal.officeId().isBlank()) {
                throw new IllegalArgumentException("jpki.counter.terminals: terminal " + terminal.id() + " names no office");
            }
            if (offices.put(terminal.id(), terminal.officeId()) != null) {
                throw new IllegalArgumentException("jpki.counter.terminals: terminal " + terminal.id() + " is listed twice");
            }
        }
        this.officeByTerminal = Map.copyOf(offices);
    }

    boolean isEmpty() {
        return officeByTerminal.isEmpty();
    }

    Decision check(String officeId, String terminalId) {
        String office = officeByTerminal.get(terminalId);
        if (office == null) {
            return Decision.refused("R-TRM-1", "terminal " + terminalId + " is not a configured counter terminal");
        }
        if (!office.equals(officeId)) {
            return Decision.refused("R-TRM-1", "terminal " + terminalId + " is not a terminal of your office; "
                    + "card work is ordered at a terminal of the office you work at");
        }
        return Decision.allowed();
    }

    /** One entry of {@code jpki.counter.terminals}. */
    record Terminal(String id, String officeId) {
    }
}
