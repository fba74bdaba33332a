package dev.candor.eval.algorithms;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.EaseModel;
import java.util.Map;

/**
 * EASE (Steck 2019) on the training users, with an optional dropout-emphasis penalty (EDLAE, Steck
 * 2020); held-out users scored from their fold-in ({@link EaseModel}). Whole by default (the EASE of the
 * literature); optionally pruned as the engine serves it.
 */
public final class EaseAlgorithm implements Algorithm {
    private final double lambda;
    private final double dropout;
    private final int neighbours;

    public EaseAlgorithm(double lambda) {
        this(lambda, 0);
    }

    /** @param dropout EDLAE's dropout rate (0: plain EASE) */
    public EaseAlgorithm(double lambda, double dropout) {
        this(lambda, dropout, Integer.MAX_VALUE);
    }

    /** @param neighbours weights kept per row of B, the strongest ({@link EaseModel}); {@code Integer.MAX_VALUE}: all */
    public EaseAlgorithm(double lambda, double dropout, int neighbours) {
        this.lambda = lambda;
        this.dropout = dropout;
        this.neighbours = neighbours;
    }

    @Override
    public String name() {
        return "ease";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("lambda", lambda);
        m.put("dropout", dropout);
        if (neighbours != Integer.MAX_VALUE) {
            m.put("neighbours", neighbours);
        }
        return m;
    }

    @Override
    public Fitted fit(FoldData data) {
        EaseModel model = EaseModel.fit(data.train(), lambda, dropout, neighbours);
        InteractionMatrix foldIn = data.foldIn();
        return (user, out) -> model.score(foldIn.items(user), null, out);
    }
}
