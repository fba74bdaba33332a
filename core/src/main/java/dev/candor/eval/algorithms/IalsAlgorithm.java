package dev.candor.eval.algorithms;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.IalsModel;
import java.util.LinkedHashMap;
import java.util.Map;

/** iALS trained on the training users only; held-out users are folded in from their fold-in at scoring time. */
public final class IalsAlgorithm implements Algorithm {
    private final IalsModel.Params params;

    public IalsAlgorithm(IalsModel.Params params) {
        this.params = params;
    }

    @Override
    public String name() {
        return "ials";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", params.factors());
        m.put("iterations", params.iterations());
        m.put("alpha", params.alpha());
        m.put("lambda", params.lambda());
        m.put("nu", params.nu());
        return m;
    }

    @Override
    public Fitted fit(FoldData data) {
        IalsModel model = IalsModel.train(data.train(), params);
        InteractionMatrix foldIn = data.foldIn();
        return (user, out) -> model.foldIn(foldIn.items(user)).score(out);
    }
}
