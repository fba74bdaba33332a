package dev.candor.eval;

import dev.candor.eval.algorithms.DefaultAlgorithm;
import dev.candor.eval.algorithms.EaseAlgorithm;
import dev.candor.eval.algorithms.IalsAlgorithm;
import dev.candor.eval.algorithms.ItemKnnAlgorithm;
import dev.candor.engine.EngineConfig;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.PersonalizationPolicy;
import dev.candor.recommend.ScoredItem;
import dev.candor.recommend.blend.LinearBlend;
import dev.candor.recommend.blend.SourceResult;
import dev.candor.recommend.source.IalsModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Hyper-parameters and blend weights chosen on a validation split carved from one fold's
 * <em>training</em> users — never from its held-out users: 20 % of the training users become
 * validation users, each split 80 % fold-in / 20 % target like the protocol, and each grid point is
 * scored there by {@link #objective}, the mean of Recall@20 and NDCG@100. Run once per fold, each
 * fold's test users are never seen by the choice made for that fold.
 *
 * <p>The search: EASE λ × dropout (EDLAE); iALS α × λ with a constant penalty (ν = 0) and α × λ with
 * the frequency-scaled penalty of Rendle et al. 2021 (ν = 1), at {@value #FACTORS} factors and
 * {@value #ITERATIONS} iterations; item-kNN neighbours × shrinkage; then, with the chosen EASE and
 * iALS, the full-level blend weights of iALS (EASE's is 1), popular and content, each weighting
 * blended by {@code LinearBlend} itself and scored by its mean objective over {@value #WEIGHT_SPLITS}
 * validation splits (the first being the models' split).
 */
public final class Tuner {
    public static final List<Double> EASE_LAMBDAS = List.of(25.0, 50.0, 100.0, 200.0, 400.0, 800.0);
    public static final List<Double> EASE_DROPOUTS = List.of(0.0, 0.25, 0.5, 0.75);
    /** iALS confidence weights α: Candor's grid and the factor-model peers' (RankSys, Spark ALS). */
    public static final List<Double> IALS_ALPHAS = List.of(1.0, 2.0, 5.0, 10.0, 20.0, 40.0);
    /** iALS λ with a constant penalty (ν = 0); also RankSys's λ grid (its penalty is constant). */
    public static final List<Double> IALS_LAMBDAS = List.of(5.0, 10.0, 20.0, 40.0, 80.0, 160.0);
    /** iALS λ with the frequency-scaled penalty λ · (α n_r + N) (ν = 1). */
    public static final List<Double> IALS_SCALED_LAMBDAS = List.of(0.005, 0.01, 0.02, 0.04);
    public static final List<Integer> KNN_NEIGHBOURS = List.of(50, 100, 200, 400);
    public static final List<Double> KNN_SHRINKS = List.of(0.0, 10.0, 100.0);
    /** iALS's blend weight relative to EASE's 1 (0: EASE without iALS). */
    public static final List<Double> IALS_WEIGHTS = List.of(0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0);
    public static final List<Double> POPULAR_WEIGHTS = List.of(0.0, 0.05);
    public static final List<Double> CONTENT_WEIGHTS = List.of(0.0, 0.1);
    /**
     * Validation splits the blend weights are chosen on, by their mean objective: one split of about
     * 150–190 users chose weights that did not carry over to the test users (see docs/benchmarks.md).
     */
    public static final int WEIGHT_SPLITS = 3;
    public static final int FACTORS = 64;
    public static final int ITERATIONS = 15;

    /**
     * The chosen values.
     *
     * @param cf            the collaborative settings chosen: EASE λ and dropout, iALS parameters, blend
     *                      weights — what {@code candor serve} should be configured with
     * @param knnNeighbours item-kNN neighbourhood size
     * @param knnShrink     item-kNN shrinkage
     * @param validation    per grid point tried, its validation objective (for the report)
     */
    public record Tuned(EngineConfig.Collaborative cf, int knnNeighbours, double knnShrink, Map<String, Double> validation) {
        /** The serving defaults ({@link EngineConfig.Collaborative#defaults()}) when no tuning is run. */
        public static Tuned defaults() {
            return new Tuned(EngineConfig.Collaborative.defaults(), 400, 0, Map.of());
        }

        public double easeLambda() {
            return cf.easeLambda();
        }

        public double easeDropout() {
            return cf.easeDropout();
        }

        public IalsModel.Params ials() {
            return cf.ials();
        }

        public Map<String, Double> weights() {
            return cf.fullWeights();
        }

        /** {@return the chosen values on one line, as {@code candor evaluate --tune} prints them} */
        public String describe() {
            IalsModel.Params p = ials();
            return String.format(Locale.ROOT, "ease.lambda=%s ease.dropout=%s ials.alpha=%s ials.lambda=%s ials.nu=%s ials.factors=%d "
                            + "weights.ials=%s weights.popular=%s weights.content=%s itemknn.neighbours=%d itemknn.shrink=%s",
                    easeLambda(), easeDropout(), p.alpha(), p.lambda(), p.nu(), p.factors(), weights().get("ials"), weights().get("popular"),
                    weights().get("content"), knnNeighbours, knnShrink);
        }
    }

    private Tuner() {
    }

    /** {@return the selection objective: the mean of Recall@20 and NDCG@100 (metrics in {@link Evaluator#METRICS} order)} */
    public static double objective(double[] metrics) {
        return (metrics[Evaluator.METRICS.indexOf("recall@20")] + metrics[Evaluator.METRICS.indexOf("ndcg@100")]) / 2;
    }

    /** {@return the selection objective of an algorithm's result} */
    public static double objective(Report.Result r) {
        return (r.mean("recall@20") + r.mean("ndcg@100")) / 2;
    }

    /** {@return the iALS grid: α × λ at ν = 0, then α × λ at ν = 1} */
    public static List<IalsModel.Params> ialsGrid(long seed) {
        List<IalsModel.Params> grid = new ArrayList<>();
        for (double a : IALS_ALPHAS) {
            for (double l : IALS_LAMBDAS) {
                grid.add(new IalsModel.Params(FACTORS, ITERATIONS, a, l, 0, seed));
            }
        }
        for (double a : IALS_ALPHAS) {
            for (double l : IALS_SCALED_LAMBDAS) {
                grid.add(new IalsModel.Params(FACTORS, ITERATIONS, a, l, 1, seed));
            }
        }
        return grid;
    }

    /**
     * {@return {@code count} validation folds carved from {@code fold}'s training users, with seeds
     * {@code seed}, {@code seed + 1}, …} The first is {@link #validationFold(Fold, long) validationFold(fold, seed)}.
     */
    public static List<Fold> validationSplits(Fold fold, long seed, int count) {
        List<Fold> splits = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            splits.add(validationFold(fold, seed + k));
        }
        return splits;
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

    /** Tunes on the validation split of {@code fold}'s training users; {@code log} hears each point's result. */
    public static Tuned tune(Fold fold, long seed, Consumer<String> log) {
        List<Fold> splits = validationSplits(fold, seed, WEIGHT_SPLITS); // the models are chosen on the first
        Fold val = splits.getFirst();
        Map<String, Double> seen = new LinkedHashMap<>();
        double bestLambda = Double.NaN;
        double bestDropout = 0;
        double bestEase = -1;
        for (double p : EASE_DROPOUTS) {
            for (double l : EASE_LAMBDAS) {
                double r = score(val, new EaseAlgorithm(l, p), seen, log);
                if (r > bestEase) {
                    bestEase = r;
                    bestLambda = l;
                    bestDropout = p;
                }
            }
        }
        IalsModel.Params bestIals = null;
        double bestIalsScore = -1;
        for (IalsModel.Params p : ialsGrid(seed)) {
            double r = score(val, new IalsAlgorithm(p), seen, log);
            if (r > bestIalsScore) {
                bestIalsScore = r;
                bestIals = p;
            }
        }
        int bestK = 0;
        double bestShrink = 0;
        double bestKnnScore = -1;
        for (int k : KNN_NEIGHBOURS) {
            for (double s : KNN_SHRINKS) {
                double r = score(val, new ItemKnnAlgorithm(k, s), seen, log);
                if (r > bestKnnScore) {
                    bestKnnScore = r;
                    bestK = k;
                    bestShrink = s;
                }
            }
        }
        EngineConfig.Collaborative base = EngineConfig.Collaborative.defaults();
        EngineConfig.Collaborative models = base.with(bestLambda, bestDropout, bestIals, base.fullWeights());
        Map<String, Double> weights = bestWeights(splits, models, seen, log);
        return new Tuned(models.with(bestLambda, bestDropout, bestIals, weights), bestK, bestShrink, seen);
    }

    /** {@return every full-level weighting searched: FULL_WEIGHTS with EASE 1 and the grid's iALS, popular and content weights} */
    public static List<Map<String, Double>> weightGrid() {
        List<Map<String, Double>> grid = new ArrayList<>();
        for (double wi : IALS_WEIGHTS) {
            for (double wp : POPULAR_WEIGHTS) {
                for (double wc : CONTENT_WEIGHTS) {
                    Map<String, Double> w = new java.util.TreeMap<>(PersonalizationPolicy.FULL_WEIGHTS);
                    w.put("ease", 1.0);
                    w.put("ials", wi);
                    w.put("popular", wp);
                    w.put("content", wc);
                    grid.add(Map.copyOf(w));
                }
            }
        }
        return grid;
    }

    /**
     * The blend-weight search: on each validation split of {@code splits} (the {@value #WEIGHT_SPLITS}
     * of {@link #validationSplits}, the first being the one the models' hyper-parameters were chosen
     * on), the serving sources are fitted once, each validation user's
     * candidates computed once, and every weighting of {@link #weightGrid()} blended from them by
     * {@link LinearBlend} — the arithmetic {@code default} and {@code candor serve} use. The weighting
     * with the best mean objective over the splits wins.
     */
    static Map<String, Double> bestWeights(List<Fold> splits, EngineConfig.Collaborative models, Map<String, Double> seen,
                                           Consumer<String> log) {
        List<Map<String, Double>> grid = weightGrid();
        double[][] mean = new double[grid.size()][Evaluator.METRICS.size()];
        for (Fold split : splits) {
            double[][] metrics = blendMetrics(split, models, grid);
            for (int v = 0; v < grid.size(); v++) {
                for (int m = 0; m < metrics[v].length; m++) {
                    mean[v][m] += metrics[v][m] / splits.size();
                }
            }
        }
        Map<String, Double> best = null;
        double bestScore = -1;
        for (int v = 0; v < grid.size(); v++) {
            double r = objective(mean[v]);
            Map<String, Double> w = grid.get(v);
            String key = String.format(Locale.ROOT, "default weights ials=%s popular=%s content=%s", w.get("ials"), w.get("popular"), w.get("content"));
            seen.put(key, r);
            log.accept(String.format(Locale.ROOT, "validation (mean of %d splits) %-56s recall@20 %.4f ndcg@100 %.4f objective %.4f",
                    splits.size(), key, mean[v][0], mean[v][3], r));
            if (r > bestScore) {
                bestScore = r;
                best = w;
            }
        }
        return best;
    }

    /**
     * {@return per weighting, the metrics on {@code fold} of {@code default} with the models of
     * {@code models} and that weighting} — the same numbers {@code new DefaultAlgorithm(models with the
     * weighting)} gets, with the sources fitted and asked once. (Every held-out user of the protocol has
     * at least four fold-in items, above the policy's thin-evidence limit, so the policy's full-level
     * weights are the weighting's.)
     */
    public static double[][] blendMetrics(Fold fold, EngineConfig.Collaborative models, List<Map<String, Double>> grid) {
        DefaultAlgorithm.Sources sources = DefaultAlgorithm.sources(fold.data(), models, false);
        return Evaluator.evaluate(fold, grid.size(), (u, outs) -> {
            List<SourceResult> results = sources.results(u);
            for (int v = 0; v < outs.length; v++) {
                Map<String, Double> w = grid.get(v);
                List<SourceResult> weighted = new ArrayList<>(results.size());
                for (SourceResult r : results) {
                    weighted.add(new SourceResult(r.source(), w.getOrDefault(r.source(), 0.0), r.candidates()));
                }
                for (ScoredItem s : LinearBlend.blend(weighted)) {
                    outs[v][s.item()] = (float) s.score();
                }
            }
        });
    }

    private static double score(Fold val, Algorithm a, Map<String, Double> seen, Consumer<String> log) {
        double[] m = Evaluator.evaluate(val, a.fit(val.data()));
        double r = objective(m);
        String key = a.name() + " " + a.params();
        seen.put(key, r);
        log.accept(String.format(Locale.ROOT, "validation %-70s recall@20 %.4f ndcg@100 %.4f objective %.4f", key, m[0], m[3], r));
        return r;
    }
}
