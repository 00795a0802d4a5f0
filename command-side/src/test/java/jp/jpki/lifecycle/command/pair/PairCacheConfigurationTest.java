package jp.jpki.lifecycle.command.pair;

import static org.assertj.core.api.Assertions.assertThat;

import jp.jpki.lifecycle.command.infrastructure.BoundedAggregateCache;
import org.axonframework.common.caching.NoCache;
import org.junit.jupiter.api.Test;

class PairCacheConfigurationTest {

    private final PairCacheConfiguration configuration = new PairCacheConfiguration();

    @Test
    void zero_pairs_turns_the_cache_off() {
        assertThat(configuration.certificatePairCache(0)).isSameAs(NoCache.INSTANCE);
    }

    @Test
    void any_other_size_bounds_an_lru_cache() {
        assertThat(configuration.certificatePairCache(3)).isInstanceOf(BoundedAggregateCache.class);
    }
}
