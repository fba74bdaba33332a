package dev.candor.eval;

import java.util.Objects;

/**
 * One fold of a protocol: what algorithms see, and the held-out targets they are scored on.
 *
 * @param index     0-based fold number
 * @param data      training users and held-out users' fold-in, over the fold's item universe
 * @param targets   per row of {@code data.foldIn()}, the held-out target items (universe columns), ascending
 * @param universe  per universe column, the data set's item index
 */
public record Fold(int index, FoldData data, int[][] targets, int[] universe) {
    public Fold {
        Objects.requireNonNull(data, "data");
        if (targets.length != data.foldIn().numUsers()) {
            throw new IllegalArgumentException("one target list per held-out user");
        }
        if (universe.length != data.train().numItems()) {
            throw new IllegalArgumentException("one data set item per universe column");
        }
    }
}
