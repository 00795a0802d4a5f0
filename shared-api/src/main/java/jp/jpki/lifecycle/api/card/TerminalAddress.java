package jp.jpki.lifecycle.api.card;

/** Command names that route card work to exactly one terminal. */
public final class TerminalAddress {
    private static final String PREFIX = "jpki.card-work.";

    private TerminalAddress() {
    }

    public static String commandName(String terminalId, Class<? extends CardWorkOrder> order) {
        if (terminalId == null || !terminalId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("terminal id must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        return PREFIX + terminalId + "." + order.getSimpleName();
    }
}
