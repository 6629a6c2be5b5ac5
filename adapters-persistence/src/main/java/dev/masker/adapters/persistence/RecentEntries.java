package dev.masker.adapters.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The most recently used entries, up to a bound, the least recently used dropped first; safe for concurrent use. For
 * facts that never change once written (a call's session, a stored vault row), so a remembered entry is never stale.
 */
final class RecentEntries<K, V> {
    private final Map<K, V> entries;

    RecentEntries(int bound) {
        this.entries = new LinkedHashMap<>(Math.min(bound, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > bound;
            }
        };
    }

    synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized boolean contains(K key) {
        return entries.containsKey(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }
}
