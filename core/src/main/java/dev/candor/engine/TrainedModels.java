package dev.candor.engine;

import dev.candor.recommend.source.ContextModel;
import dev.candor.recommend.source.SegmentModel;
import dev.candor.recommend.source.ItemKnnModel;
import dev.candor.recommend.source.PopularityModel;
import java.time.Instant;
import java.util.Objects;

/**
 * One consistent set of trained models, swapped whole.
 *
 * @param knn        item-based CF neighbourhoods
 * @param popularity item popularity
 * @param context    item popularity per coarse context (k-anonymous)
 * @param segments   item popularity per community segment (k-anonymous)
 * @param trainedAt  when training started
 * @param subjects   subjects whose behaviour fed the models
 */
public record TrainedModels(ItemKnnModel knn, PopularityModel popularity, ContextModel context, SegmentModel segments,
                            Instant trainedAt, int subjects) {
    public static final TrainedModels EMPTY = new TrainedModels(ItemKnnModel.EMPTY, PopularityModel.EMPTY, ContextModel.EMPTY,
            SegmentModel.EMPTY, Instant.EPOCH, 0);

    public TrainedModels {
        Objects.requireNonNull(knn, "knn");
        Objects.requireNonNull(popularity, "popularity");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(trainedAt, "trainedAt");
    }
}
