package dev.candor.bench.peers;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import java.util.Map;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.common.FastIDSet;
import org.apache.mahout.cf.taste.impl.model.GenericBooleanPrefDataModel;
import org.apache.mahout.cf.taste.impl.recommender.GenericBooleanPrefItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.similarity.CachingItemSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;
import org.apache.mahout.cf.taste.recommender.RecommendedItem;

/**
 * Apache Mahout 0.13 Taste item-based recommender for boolean data with log-likelihood similarity
 * (Dunning 1993), on training + fold-in rows; the top {@value #DEPTH} items it recommends are scored
 * by Mahout's estimate, the rest 0.
 */
public final class MahoutItemBased implements Algorithm {
    static final int DEPTH = 150;

    @Override
    public String name() {
        return "mahout-itembased";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("similarity", "log-likelihood");
    }

    @Override
    public Fitted fit(FoldData data) {
        InteractionMatrix all = PeerData.all(data);
        FastByIDMap<FastIDSet> users = new FastByIDMap<>(all.numUsers());
        for (int u = 0; u < all.numUsers(); u++) {
            int[] items = all.items(u);
            FastIDSet set = new FastIDSet(items.length);
            for (int i : items) {
                set.add(i);
            }
            users.put(u, set);
        }
        try {
            GenericBooleanPrefDataModel model = new GenericBooleanPrefDataModel(users);
            var rec = new GenericBooleanPrefItemBasedRecommender(model, new CachingItemSimilarity(new LogLikelihoodSimilarity(model), model));
            return (user, out) -> {
                try {
                    for (RecommendedItem r : rec.recommend(PeerData.heldOutId(data, user), DEPTH)) {
                        out[(int) r.getItemID()] = r.getValue();
                    }
                } catch (TasteException e) {
                    throw new IllegalStateException("Mahout could not recommend", e);
                }
            };
        } catch (TasteException e) {
            throw new IllegalStateException("Mahout could not build its model", e);
        }
    }
}
