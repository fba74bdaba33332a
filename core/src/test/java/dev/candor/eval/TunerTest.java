package dev.candor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.engine.EngineConfig;
import dev.candor.eval.algorithms.DefaultAlgorithm;
import dev.candor.eval.algorithms.EaseAlgorithm;
import dev.candor.recommend.PersonalizationPolicy;
import dev.candor.recommend.source.IalsModel;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tuner's searches score exactly what the evaluated algorithms score, on training users only. */
class TunerTest {
    private static Dataset data() {
        Dataset.Builder b = new Dataset.Builder("synthetic");
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 60; i++) {
            b.describe("i" + i, "Item " + i, List.of(i < 30 ? "a" : "b"));
        }
        for (int u = 0; u < 240; u++) {
            int block = u % 2 == 0 ? 0 : 30;
            for (int k = 0; k < 14; k++) {
                int item = rnd.nextInt(10) < 8 ? block + rnd.nextInt(30) : rnd.nextInt(60);
                b.add("u" + u, "i" + item, 5f, k);
            }
        }
        return b.build();
    }

    @Test
    void blendWeightSearch_getsTheMetricsOfDefaultWithThatWeighting() {
        Fold fold = Protocol.split(data(), Protocol.Settings.strong(3, 42)).getFirst();
        EngineConfig.Collaborative models = EngineConfig.Collaborative.defaults().with(20, 0.25,
                new IalsModel.Params(8, 5, 5.0, 1.0, 0, 42), PersonalizationPolicy.FULL_WEIGHTS);
        List<Map<String, Double>> grid = Tuner.weightGrid().subList(0, 6);
        double[][] searched = Tuner.blendMetrics(fold, models, grid);
        for (int v = 0; v < grid.size(); v++) {
            EngineConfig.Collaborative cf = models.with(20, 0.25, models.ials(), grid.get(v));
            double[] direct = Evaluator.evaluate(fold, new DefaultAlgorithm(cf).fit(fold.data()));
            for (int k = 0; k < direct.length; k++) {
                if (Double.isNaN(direct[k])) {
                    assertThat(searched[v][k]).isNaN();
                } else {
                    assertThat(searched[v][k]).as("%s of weighting %s", Evaluator.METRICS.get(k), grid.get(v)).isCloseTo(direct[k], within(1e-12));
                }
            }
        }
        assertThat(searched[0][0]).isGreaterThan(0.1); // the synthetic blocks are learnable
    }

    @Test
    void blendWeights_areTheBestMeanOverTheValidationSplits() {
        Fold fold = Protocol.split(data(), Protocol.Settings.strong(3, 42)).getFirst();
        EngineConfig.Collaborative models = EngineConfig.Collaborative.defaults().with(20, 0.25,
                new IalsModel.Params(8, 5, 5.0, 1.0, 0, 42), PersonalizationPolicy.FULL_WEIGHTS);
        List<Map<String, Double>> grid = Tuner.weightGrid();
        double[] mean = new double[grid.size()];
        java.util.Set<String> splits = new java.util.HashSet<>();
        List<Fold> vals = Tuner.validationSplits(fold, 42, Tuner.WEIGHT_SPLITS);
        assertThat(Tuner.validationFold(fold, 42).targets()).isDeepEqualTo(vals.getFirst().targets()); // the models' split comes first
        for (Fold val : vals) {
            splits.add(java.util.Arrays.deepToString(val.targets()));
            double[][] m = Tuner.blendMetrics(val, models, grid);
            for (int v = 0; v < grid.size(); v++) {
                mean[v] += Tuner.objective(m[v]) / Tuner.WEIGHT_SPLITS;
            }
        }
        assertThat(splits).hasSize(Tuner.WEIGHT_SPLITS); // different users held out each time
        Map<String, Double> chosen = Tuner.bestWeights(vals, models, new java.util.HashMap<>(), line -> { });
        int best = 0;
        for (int v = 1; v < grid.size(); v++) {
            if (mean[v] > mean[best]) {
                best = v;
            }
        }
        assertThat(chosen).isEqualTo(grid.get(best));
        assertThat(mean[grid.indexOf(chosen)]).isCloseTo(java.util.Arrays.stream(mean).max().orElseThrow(), within(1e-12));
    }

    @Test
    void theValidationSplit_holdsOnlyTheFoldsTrainingUsers() {
        Fold fold = Protocol.split(data(), Protocol.Settings.strong(3, 42)).getFirst();
        Fold val = Tuner.validationFold(fold, 42);
        int train = fold.data().train().numUsers();
        assertThat(val.data().train().numUsers() + val.targets().length).isEqualTo(train);
        long positives = val.data().train().nnz() + val.data().foldIn().nnz()
                + java.util.Arrays.stream(val.targets()).mapToLong(t -> t.length).sum();
        assertThat(positives).isEqualTo(fold.data().train().nnz()); // every positive is a training user's, none a held-out user's
    }

    @Test
    void perFold_usesEachFoldsOwnInstance() {
        Dataset d = data();
        Protocol.Settings s = Protocol.Settings.strong(3, 42);
        List<Fold> folds = Protocol.split(d, s);
        double[] lambdas = {5, 50, 500};
        PerFold perFold = PerFold.of(folds, f -> new EaseAlgorithm(lambdas[f.index()]));
        Report r = Evaluator.run(d, s, folds, List.of(perFold), (w, done, total) -> { });
        for (Fold f : folds) {
            double alone = Evaluator.evaluate(f, new EaseAlgorithm(lambdas[f.index()]).fit(f.data()))[0];
            assertThat(r.result("ease").metrics().get("recall@20")[f.index()]).isEqualTo(alone);
        }
        assertThat(r.toJson()).contains("\"per_fold\"").contains("\"lambda\": 500");
    }
}
