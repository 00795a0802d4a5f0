package jp.jpki.lifecycle.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of recorded values; latencies are recorded in nanoseconds and reported in milliseconds. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(Collection<Long> values) {
        sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    long at(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    double ms(double p) {
        return at(p) / 1e6;
    }

    String summary() {
        return "n=%d p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms".formatted(count(), ms(50), ms(95), ms(99), ms(100));
    }
}
