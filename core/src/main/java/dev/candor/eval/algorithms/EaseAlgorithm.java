package dev.candor.eval.algorithms;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.EaseModel;
import java.util.Map;

/** EASE (Steck 2019) on the training users; held-out users scored from their fold-in ({@link EaseModel}). */
public final class EaseAlgorithm implements Algorithm {
    private final double lambda;

    public EaseAlgorithm(double lambda) {
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "ease";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("lambda", lambda);
    }

    @Override
    public Fitted fit(FoldData data) {
        EaseModel model = EaseModel.fit(data.train(), lambda);
        InteractionMatrix foldIn = data.foldIn();
        return (user, out) -> model.score(foldIn.items(user), null, out);
    }
}
