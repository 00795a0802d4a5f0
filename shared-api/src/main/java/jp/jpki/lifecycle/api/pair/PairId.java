package jp.jpki.lifecycle.api.pair;

import java.util.Objects;
import java.util.UUID;

/**
 * Opaque identity of one resident's certificate pair. Never derived from the individual number
 * (個人番号), whose use is restricted by law.
 */
public record PairId(String value) {
    public PairId {
        Objects.requireNonNull(value, "pair id");
        if (!value.matches("[A-Za-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("pair id must be 8-64 characters of A-Z, a-z, 0-9 or '-'");
        }
    }

    public static PairId random() {
        return new PairId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
