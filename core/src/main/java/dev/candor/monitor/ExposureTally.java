package dev.candor.monitor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts how often each item was served, for {@link FairnessMetrics}. Item ids are catalog data,
 * not personal data; nothing here names a subject. Thread-safe.
 */
public final class ExposureTally {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one exposure of each served item. */
    public void served(Iterable<String> items) {
        for (String item : items) {
            counts.computeIfAbsent(item, k -> new LongAdder()).increment();
        }
    }

    /** {@return a consistent-enough copy of the counts, by item id} */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void clear() {
        counts.clear();
    }
}
