package jp.jpki.lifecycle.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    private final BoundedAggregateCache cache = new BoundedAggregateCache(2);

    @Test
    void keeps_at_most_its_bound() {
        IntStream.range(0, 100).forEach(i -> cache.put("pair-" + i, i));

        assertThat(IntStream.range(0, 100).filter(i -> cache.containsKey("pair-" + i)).count()).isLessThanOrEqualTo(2);
    }

    @Test
    void a_pair_in_use_survives_a_run_of_one_off_pairs() {
        BoundedAggregateCache larger = new BoundedAggregateCache(20);
        IntStream.range(0, 15).forEach(i -> larger.put("earlier-" + i, i)); // Caffeine counts uses from half full on
        larger.put("busy", 0);
        IntStream.range(0, 10).forEach(i -> larger.get("busy"));
        IntStream.range(0, 100).forEach(i -> larger.put("once-" + i, i));

        assertThat(larger.<String, Integer>get("busy")).isZero();
    }

    @Test
    void an_evicted_aggregate_is_gone_and_reported_as_removed_once() {
        cache.put("a", 1);

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, Integer>get("a")).isNull();
    }

    @Test
    void put_if_absent_keeps_the_first_value() {
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
    }
}
