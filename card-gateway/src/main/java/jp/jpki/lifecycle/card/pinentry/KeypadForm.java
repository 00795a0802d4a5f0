package jp.jpki.lifecycle.card.pinentry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A keypad form post ({@code application/x-www-form-urlencoded}) decoded without turning the PIN fields into
 * Strings: they stay in {@code char[]}s that {@link #wipe} clears, like the body bytes they came from.
 */
final class KeypadForm implements AutoCloseable {

    private static final Set<String> SECRET = Set.of("pin", "confirm");

    private final Map<String, String> plain = new HashMap<>();
    private final Map<String, char[]> secret = new HashMap<>();

    private KeypadForm() {
    }

    /** Decodes {@code body}, then zeroes it. */
    static KeypadForm parse(byte[] body) {
        KeypadForm form = new KeypadForm();
        try {
            int start = 0;
            while (start < body.length) {
                int end = indexOf(body, (byte) '&', start);
                int equals = indexOf(body, (byte) '=', start);
                if (equals > end) {
                    equals = end;
                }
                String name = new String(decode(body, start, equals));
                char[] value = equals < end ? decode(body, equals + 1, end) : new char[0];
                if (SECRET.contains(name)) {
                    char[] previous = form.secret.put(name, value);
                    if (previous != null) {
                        Arrays.fill(previous, '\0');
                    }
                } else {
                    form.plain.put(name, new String(value));
                }
                start = end + 1;
            }
            return form;
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    String field(String name) {
        return plain.getOrDefault(name, "");
    }

    /** The secret field as typed; the form keeps ownership and wipes it on {@link #close}. */
    char[] secret(String name) {
        return secret.getOrDefault(name, new char[0]);
    }

    void wipe() {
        secret.values().forEach(value -> Arrays.fill(value, '\0'));
    }

    @Override
    public void close() {
        wipe();
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }

    /** Percent-decoding to one char per byte: the keypad's fields are ASCII; anything else fails the PIN format. */
    private static char[] decode(byte[] body, int from, int to) {
        char[] out = new char[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            int b = body[i] & 0xFF;
            if (b == '+') {
                out[n++] = ' ';
            } else if (b == '%' && i + 2 < to && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                out[n++] = (char) (hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                out[n++] = (char) b;
            }
        }
        char[] exact = Arrays.copyOf(out, n);
        Arrays.fill(out, '\0');
        return exact;
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
