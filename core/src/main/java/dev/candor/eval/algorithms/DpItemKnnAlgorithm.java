package dev.candor.eval.algorithms;

import dev.candor.eval.Algorithm;
import dev.candor.eval.DpCurve;
import dev.candor.eval.FoldData;
import dev.candor.privacy.dp.DpGram;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.DpItemModels;
import dev.candor.recommend.source.ItemKnnModel;
import java.util.Map;

/**
 * User-level (ε, δ = 1/n)-DP item-kNN: cosine neighbourhoods of a denoised {@link DpGram} release
 * ({@link DpItemModels#knn}), scored like {@link ItemKnnAlgorithm}; items no history item points to
 * rank below, by noisy count.
 */
public final class DpItemKnnAlgorithm implements Algorithm {
    private final double epsilon;
    private final DpRule rule;

    public DpItemKnnAlgorithm(double epsilon, DpRule rule) {
        this.epsilon = epsilon;
        this.rule = rule;
    }

    @Override
    public String name() {
        return "dp-itemknn@" + DpCurve.label(epsilon);
    }

    @Override
    public Map<String, Object> params() {
        return rule.params(epsilon, "itemknn");
    }

    @Override
    public Fitted fit(FoldData data) {
        DpGram.Release r = DpEaseAlgorithm.release(data, epsilon, rule);
        int n = data.train().numItems();
        ItemKnnModel model = DpItemModels.knn(r, DpItemModels.denoise(r), n, rule.knnNeighbours(), rule.knnShrink() * r.gramSigma());
        float[] below = DpEaseAlgorithm.fallback(r.counts());
        InteractionMatrix foldIn = data.foldIn();
        return (user, out) -> {
            for (int h : foldIn.items(user)) {
                int[] nb = model.neighbours(h);
                float[] sim = model.similarities(h);
                for (int t = 0; t < nb.length; t++) {
                    out[nb[t]] += sim[t];
                }
            }
            for (int j = 0; j < n; j++) {
                if (!(out[j] > 0)) {
                    out[j] = below[j] - 1;
                }
            }
        };
    }
}
