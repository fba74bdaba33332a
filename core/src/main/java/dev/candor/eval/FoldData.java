package dev.candor.eval;

import dev.candor.recommend.InteractionMatrix;
import java.util.Objects;

/**
 * What an algorithm may see in one fold: the training users' interactions and the held-out users'
 * fold-in interactions, over the fold's item universe. Targets are not here.
 *
 * @param train   training users × universe items (binarized positives unless the protocol says otherwise)
 * @param foldIn  held-out users × universe items: the 80 % each held-out user shows the model
 * @param items   side information about items (titles, categories), indexed like the columns
 */
public record FoldData(InteractionMatrix train, InteractionMatrix foldIn, ItemInfo items) {
    public FoldData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(foldIn, "foldIn");
        Objects.requireNonNull(items, "items");
        if (train.numItems() != foldIn.numItems() || items.size() != train.numItems()) {
            throw new IllegalArgumentException("train, foldIn and items must share one item universe");
        }
    }
}
