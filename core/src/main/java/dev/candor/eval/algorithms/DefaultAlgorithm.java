package dev.candor.eval.algorithms;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.EaseModel;
import dev.candor.recommend.source.IalsModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code candor serve} recommends with at level {@code full}: the linear blend of EASE and
 * iALS, each source's scores divided by that source's best score for the user and weighted
 * ({@code dev.candor.recommend.blend.LinearBlend}'s arithmetic), EASE weight 1 and iALS weight
 * {@code ialsWeight}.
 */
public final class DefaultAlgorithm implements Algorithm {
    private final double easeLambda;
    private final IalsModel.Params ials;
    private final double ialsWeight;

    public DefaultAlgorithm(double easeLambda, IalsModel.Params ials, double ialsWeight) {
        this.easeLambda = easeLambda;
        this.ials = ials;
        this.ialsWeight = ialsWeight;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ease.lambda", easeLambda);
        m.put("ials.factors", ials.factors());
        m.put("ials.iterations", ials.iterations());
        m.put("ials.alpha", ials.alpha());
        m.put("ials.lambda", ials.lambda());
        m.put("weight.ease", 1.0);
        m.put("weight.ials", ialsWeight);
        return m;
    }

    @Override
    public Fitted fit(FoldData data) {
        EaseModel ease = EaseModel.fit(data.train(), easeLambda);
        IalsModel model = ialsWeight > 0 ? IalsModel.train(data.train(), ials) : null;
        InteractionMatrix foldIn = data.foldIn();
        int n = data.train().numItems();
        return (user, out) -> {
            int[] h = foldIn.items(user);
            float[] e = new float[n];
            ease.score(h, null, e);
            blendInto(out, e, 1.0);
            if (model != null) {
                float[] f = new float[n];
                model.foldIn(h).score(f);
                blendInto(out, f, ialsWeight);
            }
        };
    }

    /** out += weight · s / max(s) over positive scores (non-positive scores add nothing, as in the blend). */
    static void blendInto(float[] out, float[] s, double weight) {
        float max = 0;
        for (float v : s) {
            max = Math.max(max, v);
        }
        if (max <= 0) {
            return;
        }
        double k = weight / max;
        for (int j = 0; j < s.length; j++) {
            if (s[j] > 0) {
                out[j] += (float) (k * s[j]);
            }
        }
    }
}
