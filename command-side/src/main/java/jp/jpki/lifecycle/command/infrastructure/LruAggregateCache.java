package jp.jpki.lifecycle.command.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache, bounded to the most recently used entries. Axon ships only unbounded in-memory caches
 * ({@code WeakReferenceCache}, emptied by every GC, and {@code SoftReferenceCache}, kept until the heap is full) and
 * adapters for EhCache/JCache, which we do not otherwise need. Axon evicts an entry itself when a unit of work on it
 * rolls back, so a cached aggregate is always one whose events were committed.
 */
public final class LruAggregateCache implements Cache {

    private final Map<Object, Object> entries;

    public LruAggregateCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the cache needs room for at least one aggregate");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Only sagas and Axon Server's distributed caches listen; an aggregate repository never registers one. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("this cache holds aggregates only and has no entry listeners");
    }
}
