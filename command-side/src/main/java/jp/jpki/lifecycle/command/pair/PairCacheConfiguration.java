package jp.jpki.lifecycle.command.pair;

import jp.jpki.lifecycle.command.infrastructure.BoundedAggregateCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Recently used pairs stay in memory, so a command on one of them appends without first reading and
 * deserializing its history (a counter visit sends several: the card-work saga's steps, a PIN lock and its reset).
 * Correct only while one JVM writes a given pair: the embedded default has one, and Axon Server routes every
 * command by its pair id to one command-side instance (consistent hashing), so each instance caches its own
 * pairs. When instances join or leave, a pair can move to another instance and back; the stale copy then
 * decides on old state, but its append carries a sequence number the store already has, the store refuses it,
 * the unit of work rolls back and Axon evicts the entry, and the next command loads the pair afresh. Deadlines
 * fire on whichever instance's scheduler picks them up and are covered the same way. A command that appends
 * nothing escapes that check: on a stale copy a no-op (a PIN lock already recorded) is acknowledged as one, and a
 * refusal is given once before the rollback evicts the entry. Where that matters, {@code max-pairs: 0} turns the
 * cache off (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
public class PairCacheConfiguration {

    static final String CACHE = "certificatePairCache";

    /** An entry is the pair's state (holder facts, card, two slots), not its events; DER only while card work is pending. */
    @Bean(CACHE)
    Cache certificatePairCache(@Value("${jpki.command.pair-cache.max-pairs:10000}") int maxPairs) {
        return maxPairs == 0 ? NoCache.INSTANCE : new BoundedAggregateCache(maxPairs);
    }
}
