package dev.candor.bench.peers;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lenskit.LenskitConfiguration;
import org.lenskit.LenskitRecommender;
import org.lenskit.api.ItemScorer;
import org.lenskit.api.Result;
import org.lenskit.data.dao.EntityCollectionDAO;
import org.lenskit.data.ratings.Rating;
import org.lenskit.knn.NeighborhoodSize;
import org.lenskit.knn.item.ItemItemScorer;
import org.lenskit.knn.item.NeighborhoodScorer;
import org.lenskit.knn.item.SimilaritySumNeighborhoodScorer;

/**
 * LensKit 3.0-M2 item-item collaborative filtering configured for implicit feedback (every
 * interaction a rating of 1, summed neighbour similarities), on training + fold-in rows.
 */
public final class LensKitItemItem implements Algorithm {
    private final int neighbours;

    public LensKitItemItem(int neighbours) {
        this.neighbours = neighbours;
    }

    @Override
    public String name() {
        return "lenskit-itemitem";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("neighbours", neighbours, "scorer", "similarity sum");
    }

    @Override
    public Fitted fit(FoldData data) {
        InteractionMatrix all = PeerData.all(data);
        List<Rating> ratings = new ArrayList<>(all.nnz());
        for (int u = 0; u < all.numUsers(); u++) {
            for (int i : all.items(u)) {
                ratings.add(Rating.create(u, i, 1.0));
            }
        }
        LenskitConfiguration config = new LenskitConfiguration();
        config.bind(ItemScorer.class).to(ItemItemScorer.class);
        config.bind(NeighborhoodScorer.class).to(SimilaritySumNeighborhoodScorer.class);
        config.set(NeighborhoodSize.class).to(neighbours);
        try {
            LenskitRecommender rec = LenskitRecommender.build(config, EntityCollectionDAO.create(ratings));
            ItemScorer scorer = rec.getItemScorer();
            LongArrayList universe = new LongArrayList();
            for (int j = 0; j < all.numItems(); j++) {
                universe.add(j);
            }
            return (user, out) -> {
                for (Result r : scorer.scoreWithDetails(PeerData.heldOutId(data, user), universe)) {
                    out[(int) r.getId()] = (float) r.getScore();
                }
            };
        } catch (org.lenskit.api.RecommenderBuildException e) {
            throw new IllegalStateException("LensKit could not build its recommender", e);
        }
    }
}
