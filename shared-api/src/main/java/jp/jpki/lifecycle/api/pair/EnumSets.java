package jp.jpki.lifecycle.api.pair;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Sets of enum constants in declaration order. A set read back from JSON is a HashSet, whose order follows the
 * constants' identity hashes and so differs from one JVM to the next; events hold their sets in this fixed order
 * so that their canonical form, and the audit chain's hashes over it, are the same in every process.
 */
public final class EnumSets {

    private EnumSets() {
    }

    public static <E extends Enum<E>> Set<E> ordered(Set<E> values, Class<E> type) {
        if (values == null) {
            return null;
        }
        return Collections.unmodifiableSet(values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values));
    }
}
