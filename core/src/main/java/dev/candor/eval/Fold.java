package dev.candor.eval;

import java.util.Objects;

/**
 * One fold of a protocol: what algorithms see, and the held-out targets they are scored on.
 *
 * @param index     0-based fold number
 * @param data      training users and held-out users' fold-in, over the fold's item universe
 * @param targets   per row of {@code data.foldIn()}, the held-out target items (universe columns), ascending
 * @param universe  per universe column, the data set's item index
 * @param users     per row of {@code data.foldIn()}, the data set's user index (empty when not known);
 *                  used only to report accuracy per user segment, never given to algorithms
 */
public record Fold(int index, FoldData data, int[][] targets, int[] universe, int[] users) {
    /** A fold that does not say which data set user each held-out row is. */
    public Fold(int index, FoldData data, int[][] targets, int[] universe) {
        this(index, data, targets, universe, new int[0]);
    }

    public Fold {
        if (users.length != 0 && users.length != targets.length) {
            throw new IllegalArgumentException("one user per held-out row, or none");
        }
        Objects.requireNonNull(data, "data");
        if (targets.length != data.foldIn().numUsers()) {
            throw new IllegalArgumentException("one target list per held-out user");
        }
        if (universe.length != data.train().numItems()) {
            throw new IllegalArgumentException("one data set item per universe column");
        }
    }
}
