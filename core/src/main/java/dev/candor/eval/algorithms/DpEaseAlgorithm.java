package dev.candor.eval.algorithms;

import dev.candor.eval.Algorithm;
import dev.candor.eval.DpCurve;
import dev.candor.eval.FoldData;
import dev.candor.privacy.dp.DiscreteSamplers;
import dev.candor.privacy.dp.DpGram;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.DpItemModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * User-level (ε, δ = 1/n)-DP EASE: a {@link DpGram} release of the training people (fresh secure
 * noise on every fit), denoised and fitted by {@link DpItemModels}, hyper-parameters from
 * {@link DpRule}. Held-out people are scored from their own fold-in, which never enters the
 * release. Items outside the release rank below every item inside it, by their noisy count.
 */
public final class DpEaseAlgorithm implements Algorithm {
    private final double epsilon;
    private final DpRule rule;

    public DpEaseAlgorithm(double epsilon, DpRule rule) {
        this.epsilon = epsilon;
        this.rule = rule;
    }

    @Override
    public String name() {
        return "dp-ease@" + DpCurve.label(epsilon);
    }

    @Override
    public Map<String, Object> params() {
        return rule.params(epsilon, "ease");
    }

    static List<int[]> people(InteractionMatrix train) {
        List<int[]> rows = new ArrayList<>(train.numUsers());
        for (int u = 0; u < train.numUsers(); u++) {
            rows.add(train.items(u));
        }
        return rows;
    }

    static DpGram.Release release(FoldData data, double epsilon, DpRule rule) {
        InteractionMatrix train = data.train();
        return DpGram.release(people(train), train.numItems(), rule.settings(epsilon, train.numUsers()), i -> DiscreteSamplers.secure());
    }

    /** Ranks items without a model score below all scored ones, by noisy count (post-processing). */
    static float[] fallback(double[] counts) {
        double max = 1;
        for (double c : counts) {
            max = Math.max(max, c);
        }
        float[] f = new float[counts.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (Math.max(0, counts[i]) / (max + 1)); // in [0, 1)
        }
        return f;
    }

    @Override
    public Fitted fit(FoldData data) {
        DpGram.Release r = release(data, epsilon, rule);
        int n = data.train().numItems();
        DpItemModels.DpEase ease = DpItemModels.ease(r, DpItemModels.denoise(r), n, rule.easeLambdaShare());
        float[] below = fallback(r.counts());
        InteractionMatrix foldIn = data.foldIn();
        return (user, out) -> {
            float[] s = new float[n];
            ease.score(foldIn.items(user), null, s);
            float lo = Float.MAX_VALUE;
            for (int i : r.items()) {
                lo = Math.min(lo, s[i]);
            }
            for (int j = 0; j < n; j++) {
                out[j] = ease.covers(j) ? s[j] : lo - 2 + below[j];
            }
        };
    }
}
