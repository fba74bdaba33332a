package dev.candor.recommend.source;

import dev.candor.privacy.dp.IntegerNoise;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Community segments: people grouped by their main interest (the category holding most of their
 * eligible behaviour), and per segment how many of its members had a positive interaction with each
 * item ("popular") and with each item in the last week ("trending"). Only people who granted the
 * {@code community} purpose are counted, and a segment exists only with at least k distinct
 * members (k-anonymity). Immutable.
 *
 * <p>Built exactly ({@link Builder#build}) or as an ε-differentially private release
 * ({@link Builder#buildPrivate}): see there for the mechanism.
 */
public final class SegmentModel {
    public static final SegmentModel EMPTY = new SegmentModel(Map.of(), Map.of(), Map.of(), OptionalDouble.empty());
    /** With a DP build, each person counts at most this many (most recent) items in their segment's popular counts. */
    public static final int POPULAR_BOUND = 20;
    /** With a DP build, each person counts at most this many items in their segment's trending counts. */
    public static final int TRENDING_BOUND = 10;

    private final Map<String, int[]> counts;
    private final Map<String, int[]> trending;
    private final Map<String, Integer> sizes;
    private final OptionalDouble epsilon;

    private SegmentModel(Map<String, int[]> counts, Map<String, int[]> trending, Map<String, Integer> sizes, OptionalDouble epsilon) {
        this.counts = Map.copyOf(counts);
        this.trending = Map.copyOf(trending);
        this.sizes = Map.copyOf(sizes);
        this.epsilon = epsilon;
    }

    /** {@return the item counts of segment {@code name}, if it has at least k members} */
    public Optional<int[]> counts(String name) {
        return Optional.ofNullable(counts.get(name));
    }

    /** {@return the segment's item counts over the last week, if it has at least k members} */
    public Optional<int[]> trending(String name) {
        return Optional.ofNullable(trending.get(name));
    }

    /** {@return the segment's size, 0 when it does not exist (fewer than k members)} */
    public int size(String name) {
        return sizes.getOrDefault(name, 0);
    }

    public Map<String, Integer> sizes() {
        return sizes;
    }

    /** {@return the ε of the release when the counts are differentially private; empty when exact} */
    public OptionalDouble epsilon() {
        return epsilon;
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
        private final int popularBound;
        private final int trendingBound;
        private final Map<String, int[]> counts = new HashMap<>();
        private final Map<String, int[]> trending = new HashMap<>();
        private final Map<String, Integer> sizes = new HashMap<>();

        /** An exact builder: every item of a member counts. */
        public Builder(int numItems, int minSubjects) {
            this(numItems, minSubjects, Integer.MAX_VALUE, Integer.MAX_VALUE);
        }

        private Builder(int numItems, int minSubjects, int popularBound, int trendingBound) {
            this.numItems = numItems;
            this.minSubjects = minSubjects;
            this.popularBound = popularBound;
            this.trendingBound = trendingBound;
        }

        /** A builder whose members count at most {@value #POPULAR_BOUND} and {@value #TRENDING_BOUND} items, for {@link #buildPrivate}. */
        public static Builder bounded(int numItems, int minSubjects) {
            return new Builder(numItems, minSubjects, POPULAR_BOUND, TRENDING_BOUND);
        }

        /** Adds one member of {@code segment} with their distinct eligible items. */
        public void add(String segment, int[] items) {
            add(segment, items, new int[0]);
        }

        /**
         * Adds one member.
         *
         * @param items  their distinct eligible items, most recent first (a bounded builder keeps the first ones)
         * @param recent their distinct eligible items with an event in the last week, most recent first
         */
        public void add(String segment, int[] items, int[] recent) {
            int[] c = counts.computeIfAbsent(segment, s -> new int[numItems]);
            int[] t = trending.computeIfAbsent(segment, s -> new int[numItems]);
            addBounded(c, items, popularBound);
            addBounded(t, recent, trendingBound);
            sizes.merge(segment, 1, Integer::sum);
        }

        private void addBounded(int[] into, int[] items, int bound) {
            int n = 0;
            for (int i : items) {
                if (n == bound) {
                    return;
                }
                if (i >= 0 && i < numItems) {
                    into[i]++;
                    n++;
                }
            }
        }

        public SegmentModel build() {
            Map<String, int[]> keptCounts = new HashMap<>();
            Map<String, int[]> keptTrending = new HashMap<>();
            Map<String, Integer> keptSizes = new HashMap<>();
            sizes.forEach((segment, n) -> {
                if (n >= minSubjects) {
                    keptCounts.put(segment, counts.get(segment));
                    keptTrending.put(segment, trending.get(segment));
                    keptSizes.put(segment, n);
                }
            });
            return new SegmentModel(keptCounts, keptTrending, keptSizes, OptionalDouble.empty());
        }

        /**
         * {@return an ε-differentially private release of the segments} (pure DP, δ = 0; people are
         * added or removed whole). A person is in exactly one segment and counts at most
         * {@value #POPULAR_BOUND} items in its popular counts and {@value #TRENDING_BOUND} in its
         * trending counts (a bounded builder). Every candidate segment — a public list such as the
         * catalog's categories, never derived from people — gets discrete Laplace noise (exact
         * samplers) on its size (scale 1/(0.2ε), L1 sensitivity 1), on each item's popular count
         * (scale {@value #POPULAR_BOUND}/(0.4ε)) and on each item's trending count (scale
         * {@value #TRENDING_BOUND}/(0.4ε)): ε in total by basic composition, and disjoint segments
         * compose in parallel. Segments whose noisy size is below k are dropped and negative noisy
         * counts are clamped to 0: post-processing. A person whose main interest is no candidate is
         * not counted.
         */
        public SegmentModel buildPrivate(Set<String> candidates, double epsilon, IntegerNoise noise) {
            if (popularBound == Integer.MAX_VALUE) {
                throw new IllegalStateException("a private release needs a bounded builder");
            }
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be > 0 and finite. Provided value: " + epsilon);
            }
            long den = Math.max(1, (long) Math.floor(epsilon * 1_000_000)); // ε rounded down: scales never shrink
            Map<String, int[]> keptCounts = new HashMap<>();
            Map<String, int[]> keptTrending = new HashMap<>();
            Map<String, Integer> keptSizes = new HashMap<>();
            for (String segment : candidates) {
                long size = sizes.getOrDefault(segment, 0) + noise.laplace(5_000_000, den); // 1/(0.2ε)
                int[] c = counts.get(segment);
                int[] t = trending.get(segment);
                int[] nc = new int[numItems];
                int[] nt = new int[numItems];
                for (int i = 0; i < numItems; i++) {
                    nc[i] = clamp((c == null ? 0 : c[i]) + noise.laplace(2_500_000L * popularBound, den));
                    nt[i] = clamp((t == null ? 0 : t[i]) + noise.laplace(2_500_000L * trendingBound, den));
                }
                if (size >= minSubjects) {
                    keptCounts.put(segment, nc);
                    keptTrending.put(segment, nt);
                    keptSizes.put(segment, (int) Math.min(Integer.MAX_VALUE, size));
                }
            }
            return new SegmentModel(keptCounts, keptTrending, keptSizes, OptionalDouble.of(epsilon));
        }

        private static int clamp(long x) {
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, x));
        }
    }
}
