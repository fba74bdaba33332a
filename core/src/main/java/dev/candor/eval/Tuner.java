package dev.candor.eval;

import dev.candor.eval.algorithms.DefaultAlgorithm;
import dev.candor.eval.algorithms.EaseAlgorithm;
import dev.candor.eval.algorithms.IalsAlgorithm;
import dev.candor.eval.algorithms.ItemKnnAlgorithm;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.IalsModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Hyper-parameters chosen on a validation split carved from the <em>training</em> users of the
 * first fold — never from held-out users: 20 % of the training users become validation users, each
 * split 80 % fold-in / 20 % target like the protocol, and each grid point is scored by Recall@20 there.
 */
public final class Tuner {
    public static final List<Double> EASE_LAMBDAS = List.of(50.0, 100.0, 200.0, 400.0, 800.0, 1600.0, 3200.0);
    public static final List<Double> IALS_ALPHAS = List.of(1.0, 3.0, 10.0);
    public static final List<Double> IALS_LAMBDAS = List.of(1.0, 10.0, 50.0);
    public static final List<Integer> KNN_NEIGHBOURS = List.of(50, 100, 200, 400);
    public static final List<Double> KNN_SHRINKS = List.of(0.0, 10.0, 100.0);
    public static final int FACTORS = 64;
    public static final int ITERATIONS = 15;

    /**
     * The chosen values.
     *
     * @param easeLambda  EASE's λ
     * @param ials        iALS parameters
     * @param knnNeighbours item-kNN neighbourhood size
     * @param knnShrink   item-kNN shrinkage
     * @param validation  per grid point tried, its validation Recall@20 (for the report)
     */
    public record Tuned(double easeLambda, IalsModel.Params ials, int knnNeighbours, double knnShrink,
                        Map<String, Double> validation) {
        /** Defaults that are reasonable for MovieLens-sized data when no tuning is run. */
        public static Tuned defaults() {
            return new Tuned(200, new IalsModel.Params(FACTORS, ITERATIONS, 10.0, 50.0, 42), 400, 0, Map.of());
        }
    }

    private Tuner() {
    }

    /** Carves the validation fold from {@code fold}'s training users. */
    public static Fold validationFold(Fold fold, long seed) {
        InteractionMatrix train = fold.data().train();
        int m = train.numUsers();
        int[] order = java.util.stream.IntStream.range(0, m).toArray();
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = m - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nVal = Math.max(1, m / 5);
        int n = train.numItems();
        InteractionMatrix.Builder sub = InteractionMatrix.builder(m - nVal, n);
        List<int[]> foldIns = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            int[] items = train.items(order[k]);
            if (k >= nVal) {
                for (int i : items) {
                    sub.add(k - nVal, i, 1f);
                }
                continue;
            }
            if (items.length < Protocol.MIN_POSITIVES) {
                continue;
            }
            int[] shuffled = items.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            int nTarget = Math.max(1, (int) Math.round(Protocol.TARGET_SHARE * shuffled.length));
            int[] target = Arrays.copyOfRange(shuffled, 0, nTarget);
            int[] in = Arrays.copyOfRange(shuffled, nTarget, shuffled.length);
            Arrays.sort(target);
            Arrays.sort(in);
            targets.add(target);
            foldIns.add(in);
        }
        InteractionMatrix.Builder fi = InteractionMatrix.builder(foldIns.size(), n);
        for (int r = 0; r < foldIns.size(); r++) {
            for (int c : foldIns.get(r)) {
                fi.add(r, c, 1f);
            }
        }
        return new Fold(0, new FoldData(sub.build(), fi.build(), fold.data().items()), targets.toArray(new int[0][]), fold.universe());
    }

    /** Runs the grids on the validation fold of {@code first}; {@code log} hears each point's result. */
    public static Tuned tune(Fold first, long seed, Consumer<String> log) {
        Fold val = validationFold(first, seed);
        Map<String, Double> seen = new LinkedHashMap<>();
        double bestEase = Double.NaN;
        double bestEaseScore = -1;
        for (double l : EASE_LAMBDAS) {
            double r = recall20(val, new EaseAlgorithm(l), seen, log);
            if (r > bestEaseScore) {
                bestEaseScore = r;
                bestEase = l;
            }
        }
        IalsModel.Params bestIals = null;
        double bestIalsScore = -1;
        for (double a : IALS_ALPHAS) {
            for (double l : IALS_LAMBDAS) {
                IalsModel.Params p = new IalsModel.Params(FACTORS, ITERATIONS, a, l, seed);
                double r = recall20(val, new IalsAlgorithm(p), seen, log);
                if (r > bestIalsScore) {
                    bestIalsScore = r;
                    bestIals = p;
                }
            }
        }
        int bestK = 0;
        double bestShrink = 0;
        double bestKnnScore = -1;
        for (int k : KNN_NEIGHBOURS) {
            for (double s : KNN_SHRINKS) {
                double r = recall20(val, new ItemKnnAlgorithm(k, s), seen, log);
                if (r > bestKnnScore) {
                    bestKnnScore = r;
                    bestK = k;
                    bestShrink = s;
                }
            }
        }
        recall20(val, new DefaultAlgorithm(bestEase, bestIals), seen, log); // for the report: the blend with the chosen models
        return new Tuned(bestEase, bestIals, bestK, bestShrink, seen);
    }

    private static double recall20(Fold val, Algorithm a, Map<String, Double> seen, Consumer<String> log) {
        double r = Evaluator.evaluate(val, a.fit(val.data()))[0];
        String key = a.name() + " " + a.params();
        seen.put(key, r);
        log.accept(String.format("validation %-70s recall@20 %.4f", key, r));
        return r;
    }
}
