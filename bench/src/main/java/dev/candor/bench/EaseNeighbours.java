package dev.candor.bench;

import dev.candor.engine.EngineConfig;
import dev.candor.eval.Algorithm;
import dev.candor.eval.Dataset;
import dev.candor.eval.Evaluator;
import dev.candor.eval.Fold;
import dev.candor.eval.Protocol;
import dev.candor.eval.Report;
import dev.candor.eval.algorithms.DefaultAlgorithm;
import dev.candor.eval.algorithms.EaseAlgorithm;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What pruning EASE's rows costs in accuracy: EASE alone and the {@code default} blend, whole and
 * with each row of B cut to its strongest N weights, on ml-100k and ml-latest-small (strong protocol,
 * 5 folds, seed 42, the engine's default settings, no tuning). Writes docs/benchmarks.md between
 * {@code <!-- ease-neighbours:begin -->} and {@code <!-- ease-neighbours:end -->}.
 * Usage: {@code EaseNeighbours [DATA_DIR] [docs] [N,N,…]}.
 */
public final class EaseNeighbours {
    private EaseNeighbours() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path docs = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
        List<Integer> sizes = new ArrayList<>();
        for (String s : (args.length > 2 ? args[2] : "1024,512,256,128,64").split(",")) {
            sizes.add(Integer.parseInt(s.strip()));
        }
        EngineConfig.Collaborative cf = EngineConfig.Collaborative.defaults();
        StringBuilder md = new StringBuilder("Measured ").append(LocalDate.now()).append(" by `bench/run EaseNeighbours`: EASE alone and the `default` ")
                .append("blend (what `candor serve` recommends with: EASE, iALS and the other sources of level full) with the engine's default settings ")
                .append(String.format(Locale.ROOT, "(EASE λ %.0f, dropout %.2f; iALS %d factors; no tuning)", cf.easeLambda(), cf.easeDropout(),
                        cf.ials().factors()))
                .append(", whole and with each row of EASE's matrix B pruned to its N weights of largest magnitude. Strong protocol, 5 folds, ")
                .append("seed 42, threshold 4; mean ± std over folds; *vs whole* is the change of the mean against the same algorithm unpruned. ")
                .append("*Score ms/user* is the evaluator's scoring time per held-out user (every item scored, one thread; ")
                .append("timing on a machine that may be shared). The engine serves `default` with N = ")
                .append(EngineConfig.Collaborative.DEFAULT_EASE_NEIGHBOURS).append(" (`EngineConfig.Collaborative.easeNeighbours`).\n");
        for (String set : List.of("ml-100k", "ml-latest-small")) {
            Dataset d = Compare.movieLens(data, set);
            Protocol.Settings s = Protocol.Settings.strong(5, 42);
            List<Fold> folds = Protocol.split(d, s);
            List<Algorithm> algs = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            algs.add(new EaseAlgorithm(cf.easeLambda(), cf.easeDropout()));
            labels.add("ease|whole");
            for (int n : sizes) {
                algs.add(new EaseAlgorithm(cf.easeLambda(), cf.easeDropout(), n));
                labels.add("ease|" + n);
            }
            algs.add(new DefaultAlgorithm(cf.withEaseNeighbours(Integer.MAX_VALUE)));
            labels.add("default|whole");
            for (int n : sizes) {
                algs.add(new DefaultAlgorithm(cf.withEaseNeighbours(n)));
                labels.add("default|" + n);
            }
            Report r = Evaluator.run(d, s, folds, algs, (w, done, total) -> System.err.printf("%s %s (%d/%d)%n", set, w, done, total));
            md.append("\n### ").append(set).append(String.format(Locale.ROOT, " (%,d items)", d.numItems()))
                    .append("\n\n| algorithm | N per row | Recall@20 | vs whole | NDCG@100 | vs whole | score ms/user |\n|---|---|---|---|---|---|---|\n");
            double[] whole = new double[2];
            for (int k = 0; k < algs.size(); k++) {
                Report.Result res = r.results().get(k);
                String[] label = labels.get(k).split("\\|");
                if (label[1].equals("whole")) {
                    whole[0] = res.mean("recall@20");
                    whole[1] = res.mean("ndcg@100");
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %.4f ± %.4f | %s | %.4f ± %.4f | %s | %.3f |%n", label[0],
                        label[1].equals("whole") ? "all (" + String.format(Locale.ROOT, "%,d", d.numItems() - 1) + ")" : label[1],
                        res.mean("recall@20"), res.std("recall@20"), change(res.mean("recall@20"), whole[0], label[1]),
                        res.mean("ndcg@100"), res.std("ndcg@100"), change(res.mean("ndcg@100"), whole[1], label[1]),
                        mean(res.timings().get("score_ms_per_user"))));
            }
            System.out.print(md);
        }
        Sections.write(docs, "ease-neighbours", "EASE pruning", md.toString());
    }

    private static String change(double value, double whole, String label) {
        return label.equals("whole") ? "—" : String.format(Locale.ROOT, "%+.1f %%", 100 * (value - whole) / whole);
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }
}
