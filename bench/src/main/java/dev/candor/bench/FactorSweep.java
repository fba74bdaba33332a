package dev.candor.bench;

import dev.candor.eval.Dataset;
import dev.candor.eval.Evaluator;
import dev.candor.eval.Fold;
import dev.candor.eval.Protocol;
import dev.candor.eval.Report;
import dev.candor.eval.Tuner;
import dev.candor.eval.algorithms.IalsAlgorithm;
import dev.candor.recommend.source.IalsModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An experiment, not a product benchmark: Candor's iALS at several factor counts, each with α × λ
 * chosen per fold on the validation split of the fold's training users (as {@code Tuner} does at
 * 64 factors), scored on the fold's test users. Usage: {@code FactorSweep [data-dir] set factors,…}.
 */
public final class FactorSweep {
    private FactorSweep() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String set = args[1];
        Dataset d = Compare.movieLens(data, set);
        Protocol.Settings s = Protocol.Settings.strong(5, 42);
        List<Fold> folds = Protocol.split(d, s);
        for (String fs : args[2].split(",")) {
            int factors = Integer.parseInt(fs);
            double rec = 0;
            double ndcg = 0;
            for (Fold f : folds) {
                Fold val = Tuner.validationFold(f, 42);
                IalsModel.Params best = null;
                double bestScore = -1;
                for (IalsModel.Params p : grid(factors)) {
                    double r = Tuner.objective(run(d, s, val, p));
                    if (r > bestScore) {
                        bestScore = r;
                        best = p;
                    }
                }
                Report.Result t = run(d, s, new Fold(0, f.data(), f.targets(), f.universe()), best); // Evaluator.run indexes its folds from 0
                rec += t.mean("recall@20") / folds.size();
                ndcg += t.mean("ndcg@100") / folds.size();
                System.out.printf(Locale.ROOT, "%s factors %d fold %d: α %s λ %s ν %s → recall@20 %.4f ndcg@100 %.4f%n", set, factors,
                        f.index() + 1, best.alpha(), best.lambda(), best.nu(), t.mean("recall@20"), t.mean("ndcg@100"));
            }
            System.out.printf(Locale.ROOT, "%s factors %d: recall@20 %.4f ndcg@100 %.4f%n", set, factors, rec, ndcg);
        }
    }

    private static List<IalsModel.Params> grid(int factors) {
        List<IalsModel.Params> g = new ArrayList<>();
        for (double a : List.of(2.0, 5.0, 10.0)) {
            for (double l : List.of(10.0, 20.0, 40.0, 80.0)) {
                g.add(new IalsModel.Params(factors, Tuner.ITERATIONS, a, l, 0, 42));
            }
            for (double l : List.of(0.01, 0.02, 0.04)) {
                g.add(new IalsModel.Params(factors, Tuner.ITERATIONS, a, l, 1, 42));
            }
        }
        return g;
    }

    private static Report.Result run(Dataset d, Protocol.Settings s, Fold f, IalsModel.Params p) {
        return Evaluator.run(d, s, List.of(f), List.of(new IalsAlgorithm(p)), (w, done, total) -> { }).results().getFirst();
    }
}
