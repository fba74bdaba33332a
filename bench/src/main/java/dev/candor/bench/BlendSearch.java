package dev.candor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.engine.EngineConfig;
import dev.candor.eval.Dataset;
import dev.candor.eval.Fold;
import dev.candor.eval.Protocol;
import dev.candor.eval.Tuner;
import dev.candor.recommend.PersonalizationPolicy;
import dev.candor.recommend.source.IalsModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An experiment on how the blend weights are chosen, not a product benchmark: with each fold's EASE
 * and iALS hyper-parameters as the comparison chose them (read from {@code docs/benchmarks-SET.json}),
 * the blend-weight grid is scored on several validation splits of the fold's training users and on
 * the fold's test users, and the test objective of the weighting each selection rule picks is
 * printed: each split alone (the first is what {@code Tuner} used to do), the mean over splits, and the best weighting on the
 * test users (an oracle, only to show how much room there is). Usage:
 * {@code BlendSearch [data-dir] [splits] [sets…]}.
 */
public final class BlendSearch {
    private static final List<Double> OLD_IALS_WEIGHTS = List.of(0.5, 1.0, 1.5, 2.0, 3.0);

    private BlendSearch() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int splits = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> sets = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("ml-100k", "ml-latest-small");
        List<Map<String, Double>> grid = Tuner.weightGrid();
        for (String set : sets) {
            JsonNode perFold = new ObjectMapper().readTree(Path.of("docs/benchmarks-" + set + ".json").toFile())
                    .get("results").get(0).get("params").get("per_fold");
            Dataset d = Compare.movieLens(data, set);
            List<Fold> folds = Protocol.split(d, Protocol.Settings.strong(5, 42));
            double[][] rule = new double[3 + splits][folds.size() * 2];
            for (Fold f : folds) {
                JsonNode p = perFold.get(f.index());
                EngineConfig.Collaborative cf = EngineConfig.Collaborative.defaults().with(p.get("ease.lambda").asDouble(),
                        p.get("ease.dropout").asDouble(), new IalsModel.Params(p.get("ials.factors").asInt(), p.get("ials.iterations").asInt(),
                                p.get("ials.alpha").asDouble(), p.get("ials.lambda").asDouble(), p.get("ials.nu").asDouble(), 42),
                        PersonalizationPolicy.FULL_WEIGHTS);
                double[][] test = Tuner.blendMetrics(f, cf, grid);
                List<Fold> vals = Tuner.validationSplits(f, 42, splits);
                double[][] val = new double[splits][];
                for (int s = 0; s < splits; s++) {
                    val[s] = objectives(Tuner.blendMetrics(vals.get(s), cf, grid));
                }
                double[] mean = new double[grid.size()];
                for (int v = 0; v < grid.size(); v++) {
                    for (int s = 0; s < splits; s++) {
                        mean[v] += val[s][v] / splits;
                    }
                }
                int oracle = argmax(objectives(test));
                int[] picks = new int[3 + splits]; // the splits, the mean over them, the oracle, the old grid on the first split
                for (int s = 0; s < splits; s++) {
                    picks[s] = argmax(val[s]);
                }
                picks[splits] = argmax(mean);
                picks[splits + 1] = oracle;
                double[] tunerGrid = val[0].clone(); // Tuner's grid before 2026-12-04: iALS weights 0.5–3
                for (int v = 0; v < grid.size(); v++) {
                    if (!OLD_IALS_WEIGHTS.contains(grid.get(v).get("ials"))) {
                        tunerGrid[v] = -1;
                    }
                }
                picks[splits + 2] = argmax(tunerGrid);
                for (int r = 0; r < picks.length; r++) {
                    rule[r][f.index() * 2] = test[picks[r]][0];
                    rule[r][f.index() * 2 + 1] = test[picks[r]][3];
                }
                System.out.printf(Locale.ROOT, "%s fold %d: one split %s | mean of %d %s | oracle %s%n", set, f.index() + 1,
                        label(grid.get(picks[0])), splits, label(grid.get(picks[splits])), label(grid.get(oracle)));
            }
            String[] names = new String[3 + splits];
            for (int s = 0; s < splits; s++) {
                names[s] = "one split, seed " + (42 + s);
            }
            names[splits] = "mean of " + splits + " splits";
            names[splits + 1] = "oracle (test)";
            names[splits + 2] = "one split, iALS 0.5–3";
            for (int r = 0; r < names.length; r++) {
                double rec = 0;
                double ndcg = 0;
                for (int k = 0; k < folds.size(); k++) {
                    rec += rule[r][k * 2] / folds.size();
                    ndcg += rule[r][k * 2 + 1] / folds.size();
                }
                System.out.printf(Locale.ROOT, "%s %-22s recall@20 %.4f ndcg@100 %.4f%n", set, names[r], rec, ndcg);
            }
        }
    }

    private static String label(Map<String, Double> w) {
        return String.format(Locale.ROOT, "ials %s pop %s content %s", w.get("ials"), w.get("popular"), w.get("content"));
    }

    private static double[] objectives(double[][] metrics) {
        double[] o = new double[metrics.length];
        for (int v = 0; v < metrics.length; v++) {
            o[v] = Tuner.objective(metrics[v]);
        }
        return o;
    }

    private static int argmax(double[] xs) {
        int best = 0;
        for (int k = 1; k < xs.length; k++) {
            if (xs[k] > xs[best]) {
                best = k;
            }
        }
        return best;
    }
}
