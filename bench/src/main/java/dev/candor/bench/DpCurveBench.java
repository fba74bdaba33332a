package dev.candor.bench;

import dev.candor.eval.Algorithm;
import dev.candor.eval.Dataset;
import dev.candor.eval.DpCurve;
import dev.candor.eval.Evaluator;
import dev.candor.eval.Fold;
import dev.candor.eval.Protocol;
import dev.candor.eval.Report;
import dev.candor.eval.Tuner;
import dev.candor.eval.algorithms.DpRule;
import dev.candor.eval.algorithms.EaseAlgorithm;
import dev.candor.eval.algorithms.ItemKnnAlgorithm;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench/run DpCurveBench}: the privacy–utility curve of DP-EASE and DP item-kNN on ml-100k and
 * ml-latest-small — exactly what {@code candor evaluate --tune --algorithms ease,itemknn --dp-epsilon curve}
 * computes — written to the {@code dp} section of docs/benchmarks.md and to
 * {@code docs/benchmarks-dp-<set>.json}.
 */
public final class DpCurveBench {
    private DpCurveBench() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path docs = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
        DpRule rule = DpRule.DEFAULT;
        StringBuilder md = new StringBuilder("Measured ").append(LocalDate.now()).append(" by `bench/run DpCurveBench`, which runs what ")
                .append("`candor evaluate --data FILE --tune --algorithms ease,itemknn --dp-epsilon curve --out report.json --html report.html` runs. ")
                .append("Strong protocol, 5 folds, seed 42; mean ± std over folds; fresh secure noise on every fit, so a rerun moves the DP rows by about ")
                .append("their std. User-level DP (one person's whole history), δ = 1/n with n the fold's training people; the DP rule (")
                .append(rule.maxItems()).append(" items selected privately, normalized outer products, EASE λ = ").append(rule.easeLambdaShare())
                .append(" × trace, spectral denoising) is fixed, never tuned on these folds; ∞ is the non-private algorithm with `--tune`'s choice. ")
                .append("*Retained* = Recall@20 as a share of the non-private Recall@20.\n");
        for (String set : List.of("ml-100k", "ml-latest-small")) {
            Dataset d = Compare.movieLens(data, set);
            Protocol.Settings s = Protocol.Settings.strong(5, 42);
            List<Fold> folds = Protocol.split(d, s);
            Tuner.Tuned t = Tuner.tune(folds.getFirst(), 42, line -> { });
            List<Algorithm> algs = new ArrayList<>(List.of(new EaseAlgorithm(t.easeLambda()), new ItemKnnAlgorithm(t.knnNeighbours(), t.knnShrink())));
            algs.addAll(DpCurve.algorithms(List.of("ease", "itemknn"), DpCurve.EPSILONS, rule));
            Report r = Evaluator.run(d, s, folds, algs, (w, done, total) -> System.err.printf("%s %s (%d/%d)%n", set, w, done, total));
            Files.writeString(docs.resolveSibling("benchmarks-dp-" + set + ".json"), DpCurve.json(r, DpCurve.EPSILONS));
            Map<String, Object> curves = (Map<String, Object>) DpCurve.section(r, DpCurve.EPSILONS).get("curves");
            md.append("\n### ").append(set).append(" (").append(String.format("%,d", d.numUsers())).append(" people, about ")
                    .append(String.format("%,d", d.numUsers() * 4 / 5)).append(" per training fold)\n\n")
                    .append("| ε | DP-EASE Recall@20 | retained | DP-EASE NDCG@10 | DP item-kNN Recall@20 | retained | DP item-kNN NDCG@10 |\n|---|---|---|---|---|---|---|\n");
            List<Map<String, Object>> ease = (List<Map<String, Object>>) curves.get("ease");
            List<Map<String, Object>> knn = (List<Map<String, Object>>) curves.get("itemknn");
            for (int k = 0; k < ease.size(); k++) {
                md.append("| ").append(String.valueOf(ease.get(k).get("epsilon")).replace("inf", "∞ (non-private)")).append(" | ")
                        .append(cell(ease.get(k), "recall@20")).append(" | ").append(pct(ease.get(k))).append(" | ").append(cell(ease.get(k), "ndcg@10"))
                        .append(" | ").append(cell(knn.get(k), "recall@20")).append(" | ").append(pct(knn.get(k))).append(" | ")
                        .append(cell(knn.get(k), "ndcg@10")).append(" |\n");
            }
            Sections.write(docs, "dp", "Differential privacy: the privacy–utility curve", md.toString());
        }
        System.out.print(md);
    }

    @SuppressWarnings("unchecked")
    private static String cell(Map<String, Object> p, String metric) {
        Map<String, Object> m = (Map<String, Object>) p.get(metric);
        return String.format("%.4f ± %.4f", (Double) m.get("mean"), (Double) m.get("std"));
    }

    private static String pct(Map<String, Object> p) {
        return String.format("%.0f %%", 100 * (Double) p.get("retained"));
    }
}
