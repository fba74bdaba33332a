package dev.candor.recommend.source;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Community segments: people grouped by their main interest (the category holding most of their
 * eligible behaviour), and per segment how many of its members had a positive interaction with each
 * item. Only people who granted the {@code community} purpose are counted, and a segment exists only
 * with at least k distinct members (k-anonymity). Immutable.
 */
public final class SegmentModel {
    public static final SegmentModel EMPTY = new SegmentModel(Map.of(), Map.of());

    private final Map<String, int[]> counts;
    private final Map<String, Integer> sizes;

    private SegmentModel(Map<String, int[]> counts, Map<String, Integer> sizes) {
        this.counts = Map.copyOf(counts);
        this.sizes = Map.copyOf(sizes);
    }

    /** {@return the item counts of segment {@code name}, if it has at least k members} */
    public Optional<int[]> counts(String name) {
        return Optional.ofNullable(counts.get(name));
    }

    /** {@return the segment's size, 0 when it does not exist (fewer than k members)} */
    public int size(String name) {
        return sizes.getOrDefault(name, 0);
    }

    public Map<String, Integer> sizes() {
        return sizes;
    }

    /** The main interest of a set of items, by category counts; ties go to the alphabetically first. */
    public static Optional<String> mainInterest(Map<String, Integer> categoryCounts) {
        return categoryCounts.entrySet().stream()
                .max((a, b) -> a.getValue().equals(b.getValue()) ? b.getKey().compareTo(a.getKey()) : Integer.compare(a.getValue(), b.getValue()))
                .map(Map.Entry::getKey);
    }

    /** Accumulates members; segments below {@code minSubjects} are dropped by {@link #build}. */
    public static final class Builder {
        private final int numItems;
        private final int minSubjects;
        private final Map<String, int[]> counts = new HashMap<>();
        private final Map<String, Integer> sizes = new HashMap<>();

        public Builder(int numItems, int minSubjects) {
            this.numItems = numItems;
            this.minSubjects = minSubjects;
        }

        /** Adds one member of {@code segment} with their distinct eligible items. */
        public void add(String segment, int[] items) {
            int[] c = counts.computeIfAbsent(segment, s -> new int[numItems]);
            for (int i : items) {
                if (i < numItems) {
                    c[i]++;
                }
            }
            sizes.merge(segment, 1, Integer::sum);
        }

        public SegmentModel build() {
            Map<String, int[]> keptCounts = new HashMap<>();
            Map<String, Integer> keptSizes = new HashMap<>();
            sizes.forEach((segment, n) -> {
                if (n >= minSubjects) {
                    keptCounts.put(segment, counts.get(segment));
                    keptSizes.put(segment, n);
                }
            });
            return new SegmentModel(keptCounts, keptSizes);
        }
    }
}
