package dev.candor.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts how often each item was served, per UTC day, for {@link FairnessMetrics}; keeps
 * {@code maxDays} days. Item ids are catalog data, not personal data; nothing here names a subject.
 * {@link #drain()} hands out the counts added since the last drain for a store; {@link #load}
 * takes stored counts back at start-up. Thread-safe (synchronized).
 */
public final class ExposureTally {
    /** Days of exposure kept by default. */
    public static final int DEFAULT_DAYS = 30;

    private final int maxDays;
    private final TreeMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
    private final TreeMap<LocalDate, Map<String, Long>> pending = new TreeMap<>();

    public ExposureTally(int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("maxDays must be >= 1. Provided value: " + maxDays);
        }
        this.maxDays = maxDays;
    }

    public ExposureTally() {
        this(DEFAULT_DAYS);
    }

    /** {@return the UTC day of an instant} */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Counts one exposure of each served item at {@code at}. */
    public synchronized void served(Instant at, Iterable<String> items) {
        LocalDate d = day(at);
        Map<String, Long> live = days.computeIfAbsent(d, x -> new HashMap<>());
        Map<String, Long> unsaved = pending.computeIfAbsent(d, x -> new HashMap<>());
        for (String item : items) {
            live.merge(item, 1L, Long::sum);
            unsaved.merge(item, 1L, Long::sum);
        }
        while (days.size() > maxDays) {
            days.pollFirstEntry();
        }
    }

    /** {@return the exposure per item over the days [from, to] (inclusive), by item id} */
    public synchronized Map<String, Long> window(LocalDate from, LocalDate to) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Long> d : days.subMap(from, true, to, true).values()) {
            d.forEach((item, n) -> out.merge(item, n, Long::sum));
        }
        return out;
    }

    /** {@return the counts added since the last drain, per day} */
    public synchronized Map<LocalDate, Map<String, Long>> drain() {
        Map<LocalDate, Map<String, Long>> out = new TreeMap<>(pending);
        pending.clear();
        return out;
    }

    /** Adds stored counts (at start-up; not pending). Days older than those kept are ignored. */
    public synchronized void load(Map<LocalDate, Map<String, Long>> stored) {
        stored.forEach((d, counts) -> {
            Map<String, Long> live = days.computeIfAbsent(d, x -> new HashMap<>());
            counts.forEach((item, n) -> live.merge(item, n, Long::sum));
        });
        while (days.size() > maxDays) {
            days.pollFirstEntry();
        }
    }

    /** {@return the days kept} */
    public int maxDays() {
        return maxDays;
    }
}
