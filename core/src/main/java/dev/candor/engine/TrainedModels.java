package dev.candor.engine;

import dev.candor.recommend.source.ContextModel;
import dev.candor.recommend.source.EaseModel;
import dev.candor.recommend.source.IalsModel;
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
 * @param ease       EASE item weights ({@link EaseModel#EMPTY} for catalogs above the size limit)
 * @param ials       iALS item factors (null before the first fit with data)
 * @param trainedAt  when training started
 * @param subjects   subjects whose behaviour fed the models
 */
public record TrainedModels(ItemKnnModel knn, PopularityModel popularity, ContextModel context, SegmentModel segments,
                            EaseModel ease, IalsModel ials, Instant trainedAt, Instant fittedAt, int subjects) {
    public static final TrainedModels EMPTY = new TrainedModels(ItemKnnModel.EMPTY, PopularityModel.EMPTY, ContextModel.EMPTY,
            SegmentModel.EMPTY, EaseModel.EMPTY, null, Instant.EPOCH, Instant.EPOCH, 0);

    public TrainedModels {
        Objects.requireNonNull(knn, "knn");
        Objects.requireNonNull(popularity, "popularity");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(ease, "ease");
        Objects.requireNonNull(trainedAt, "trainedAt");
    }
}
