package dev.candor.recommend.source;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Item popularity: how many subjects interacted positively with each item, counted only over
 * behaviour that may feed community signals (consented, not of a sensitive category the subject
 * did not opt into). Immutable and thread-safe.
 */
public final class PopularityModel {
    public static final PopularityModel EMPTY = new PopularityModel(new int[0]);

    private final int[] counts;
    private final int[] order; // item indexes by descending count, ties by index

    public PopularityModel(int[] counts) {
        this.counts = counts.clone();
        this.order = IntStream.range(0, counts.length).boxed()
                .sorted((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    public int count(int item) {
        return item < counts.length ? counts[item] : 0;
    }

    /** {@return item indexes from most to least popular (shared array: do not modify)} */
    public int[] ranking() {
        return order;
    }

    public int maxCount() {
        return order.length == 0 ? 0 : counts[order[0]];
    }

    public int numItems() {
        return counts.length;
    }

    @Override
    public String toString() {
        return "PopularityModel" + Arrays.toString(Arrays.copyOf(counts, Math.min(10, counts.length)));
    }
}
