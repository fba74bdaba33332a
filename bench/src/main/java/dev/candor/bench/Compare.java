package dev.candor.bench;

import dev.candor.bench.peers.LensKitItemItem;
import dev.candor.bench.peers.MahoutItemBased;
import dev.candor.bench.peers.RankSysIals;
import dev.candor.bench.peers.RankSysItemKnn;
import dev.candor.bench.peers.SparkAls;
import dev.candor.eval.Algorithm;
import dev.candor.eval.Dataset;
import dev.candor.eval.Evaluator;
import dev.candor.eval.Fold;
import dev.candor.eval.FoldData;
import dev.candor.eval.PerFold;
import dev.candor.eval.Protocol;
import dev.candor.eval.Report;
import dev.candor.eval.Tuner;
import dev.candor.eval.algorithms.DefaultAlgorithm;
import dev.candor.eval.algorithms.EaseAlgorithm;
import dev.candor.eval.algorithms.IalsAlgorithm;
import dev.candor.eval.algorithms.ItemKnnAlgorithm;
import dev.candor.eval.algorithms.PopularAlgorithm;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.IalsModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Candor against its peers on the same folds and the same metric code, and iALS training speed
 * against Spark MLlib ALS in the same run. Writes the tables into docs/benchmarks.md between
 * {@code <!-- quality:begin -->} and {@code <!-- quality:end -->}, and each data set's full report
 * as JSON beside it. Usage: {@code Compare DATA_DIR DOCS_FILE [datasets…]}.
 */
public final class Compare {
    private Compare() {
    }

    /** {@return the MovieLens set {@code ml-100k} or {@code ml-latest-small} read from the shared data directory} */
    static Dataset movieLens(Path data, String set) throws java.io.IOException {
        Path file = set.equals("ml-100k") ? data.resolve("ml-100k/u.data") : data.resolve(set).resolve("ratings.csv");
        InteractionFormat fmt = set.equals("ml-100k") ? InteractionFormat.MOVIELENS_100K : InteractionFormat.MOVIELENS_CSV;
        return Dataset.load(file, InteractionReader.Options.of(fmt), Optional.empty(), p -> { }, x -> { });
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path docs = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
        List<String> sets = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("ml-100k", "ml-latest-small");
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now()).append(" on this machine (").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, JDK ").append(Runtime.version().feature()).append(") by `bench/run compare`. Strong protocol, 5 folds, seed 42, ")
                .append("threshold 4; mean ± std over folds. Hyper-parameters are chosen **per fold** on a validation split of that fold's ")
                .append("training users (never its test users), by the mean of Recall@20 and NDCG@100: Candor's by `Tuner` (what ")
                .append("`candor evaluate --tune` runs: EASE λ × dropout, iALS α × λ at ν = 0 and at ν = 1, item-kNN, then the blend weights by their mean over three validation splits), ")
                .append("and the factor-model peers' by the same kind of search on the same splits (RankSys iALS: the same α × λ grid as ")
                .append("Candor's iALS at ν = 0; Spark ALS: the same α grid × five regParams); the neighbourhood peers use their documented ")
                .append("defaults. Peers train on the training users **and** the held-out users' fold-in (they cannot score unseen users); ")
                .append("Candor's models see only the training users and fold held-out users in at scoring time (`default-foldin` is ")
                .append("Candor trained on the same rows as the peers).\n\n");
        for (String set : sets) {
            Dataset d = Compare.movieLens(data, set);
            Protocol.Settings s = Protocol.Settings.strong(5, 42);
            List<Fold> folds = Protocol.split(d, s);
            Map<Fold, Tuner.Tuned> tuned = new LinkedHashMap<>();
            Map<Fold, RankSysIals> ranksys = new LinkedHashMap<>();
            Map<Fold, SparkAls> spark = new LinkedHashMap<>();
            try (SparkAls probe = new SparkAls(Tuner.FACTORS, Tuner.ITERATIONS, 0.1, 1)) {
                for (Fold f : folds) {
                    String tag = set + " fold " + (f.index() + 1);
                    tuned.put(f, Tuner.tune(f, 42, line -> System.err.println(tag + " " + line)));
                    // The factor-model peers get the same kind of search on the same validation split.
                    Fold validation = Tuner.validationFold(f, 42);
                    List<RankSysIals> rs = new ArrayList<>();
                    for (double a : Tuner.IALS_ALPHAS) {
                        for (double l : Tuner.IALS_LAMBDAS) {
                            rs.add(new RankSysIals(Tuner.FACTORS, Tuner.ITERATIONS, l, a));
                        }
                    }
                    ranksys.put(f, best(tag, validation, d, s, rs));
                    List<SparkAls> grid = new ArrayList<>();
                    for (double a : Tuner.IALS_ALPHAS) {
                        for (double reg : SPARK_REGS) {
                            grid.add(new SparkAls(Tuner.FACTORS, Tuner.ITERATIONS, reg, a).sharing(probe));
                        }
                    }
                    SparkAls chosen = best(tag, validation, d, s, grid);
                    spark.put(f, new SparkAls(Tuner.FACTORS, Tuner.ITERATIONS, chosen.regParam(), chosen.alpha()).sharing(probe));
                    System.err.println(tag + " chosen: " + tuned.get(f).describe() + " | ranksys " + ranksys.get(f).params()
                            + " | spark " + spark.get(f).params());
                }
                List<Algorithm> algorithms = new ArrayList<>(List.of(
                        PerFold.of(folds, f -> new DefaultAlgorithm(tuned.get(f).cf())),
                        PerFold.of(folds, f -> new DefaultAlgorithm(tuned.get(f).cf(), true)),
                        PerFold.of(folds, f -> new EaseAlgorithm(tuned.get(f).easeLambda(), tuned.get(f).easeDropout())),
                        PerFold.of(folds, f -> new IalsAlgorithm(tuned.get(f).ials())),
                        PerFold.of(folds, f -> new ItemKnnAlgorithm(tuned.get(f).knnNeighbours(), tuned.get(f).knnShrink())),
                        new PopularAlgorithm(), new MahoutItemBased(), PerFold.of(folds, ranksys::get), new RankSysItemKnn(100, 0.5),
                        new LensKitItemItem(100), PerFold.of(folds, spark::get)));
                Report r = Evaluator.run(d, s, folds, algorithms, (what, done, total) -> System.err.printf("%s %s (%d/%d)%n", set, what, done, total));
                md.append(table(set, d, r));
                md.append(chosen(folds, tuned, ranksys, spark));
                Files.writeString(docs.resolveSibling("benchmarks-" + set + ".json"), r.toJson());
                Fold first = folds.getFirst();
                md.append(speed(set, d, tuned.get(first).ials(), spark.get(first)));
            }
            write(docs, md.toString()); // after each data set, so a late failure keeps the earlier tables
        }
    }

    /** Spark ALS regParam grid (its penalty is regParam × the row's number of ratings). */
    static final List<Double> SPARK_REGS = List.of(0.01, 0.03, 0.1, 0.3, 1.0);

    /** {@return the candidate with the best validation objective (mean of Recall@20 and NDCG@100)} */
    static <A extends Algorithm> A best(String set, Fold validation, Dataset d, Protocol.Settings s, List<A> candidates) {
        A best = null;
        double bestScore = -1;
        for (A a : candidates) {
            Report.Result res = Evaluator.run(d, s, List.of(validation), List.of(a), (w, done, total) -> { }).results().getFirst();
            double r = Tuner.objective(res);
            System.err.printf("%s validation %s %s recall@20 %.4f ndcg@100 %.4f objective %.4f%n", set, a.name(), a.params(),
                    res.mean("recall@20"), res.mean("ndcg@100"), r);
            if (r > bestScore) {
                bestScore = r;
                best = a;
            }
        }
        return best;
    }

    /** The values chosen per fold, one line per algorithm. */
    static String chosen(List<Fold> folds, Map<Fold, Tuner.Tuned> tuned, Map<Fold, RankSysIals> ranksys, Map<Fold, SparkAls> spark) {
        StringBuilder sb = new StringBuilder("Chosen on each fold's validation split (folds 1–5):\n\n");
        sb.append("- `default`: ").append(String.join("; ", folds.stream().map(f -> {
            Tuner.Tuned t = tuned.get(f);
            return String.format(Locale.ROOT, "weights ials %s, popular %s, content %s", t.weights().get("ials"), t.weights().get("popular"),
                    t.weights().get("content"));
        }).toList())).append('\n');
        sb.append("- `ease`: ").append(String.join("; ", folds.stream().map(f -> String.format(Locale.ROOT, "λ %s, dropout %s",
                tuned.get(f).easeLambda(), tuned.get(f).easeDropout())).toList())).append('\n');
        sb.append("- `ials`: ").append(String.join("; ", folds.stream().map(f -> {
            IalsModel.Params p = tuned.get(f).ials();
            return String.format(Locale.ROOT, "α %s, λ %s, ν %s", p.alpha(), p.lambda(), p.nu());
        }).toList())).append('\n');
        sb.append("- `ranksys-ials`: ").append(String.join("; ", folds.stream().map(f -> String.format(Locale.ROOT, "α %s, λ %s",
                ranksys.get(f).params().get("alpha"), ranksys.get(f).params().get("lambda"))).toList())).append('\n');
        sb.append("- `spark-als`: ").append(String.join("; ", folds.stream().map(f -> String.format(Locale.ROOT, "α %s, regParam %s",
                spark.get(f).alpha(), spark.get(f).regParam())).toList())).append("\n\n");
        return sb.toString();
    }

    static String table(String set, Dataset d, Report r) {
        StringBuilder sb = new StringBuilder("### ").append(set).append(" (").append(String.format(Locale.ROOT, "%,d", d.size()))
                .append(" ratings)\n\n| algorithm | Recall@20 | Recall@50 | NDCG@10 | NDCG@100 | coverage@20 | fit s | score ms/user |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Report.Result res : r.results()) {
            sb.append("| ").append(res.algorithm());
            for (String m : List.of("recall@20", "recall@50", "ndcg@10", "ndcg@100")) {
                sb.append(String.format(Locale.ROOT, " | %.4f ± %.4f", res.mean(m), res.std(m)));
            }
            sb.append(String.format(Locale.ROOT, " | %.3f | %.2f | %.3f |%n", res.mean("coverage@20"), mean(res.timings().get("fit_seconds")),
                    mean(res.timings().get("score_ms_per_user"))));
        }
        Report.Result def = r.result("default");
        Report.Result like = r.result("default-foldin");
        Report.Result bestPeer = r.results().stream().filter(Compare::isPeer)
                .max((a, b) -> Double.compare(a.mean("recall@20"), b.mean("recall@20"))).orElseThrow();
        Report.Result bestPeerNdcg = r.results().stream().filter(Compare::isPeer)
                .max((a, b) -> Double.compare(a.mean("ndcg@100"), b.mean("ndcg@100"))).orElseThrow();
        sb.append(String.format(Locale.ROOT, "%nCandor vs the best peer — `default` (strong generalization: never trained on the held-out "
                        + "users): Recall@20 %+.1f%% (vs %s), NDCG@100 %+.1f%% (vs %s); `default-foldin` (like for like: trained on the same "
                        + "rows as the peers): Recall@20 %+.1f%%, NDCG@100 %+.1f%%.%n%n",
                100 * (def.mean("recall@20") / bestPeer.mean("recall@20") - 1), bestPeer.algorithm(),
                100 * (def.mean("ndcg@100") / bestPeerNdcg.mean("ndcg@100") - 1), bestPeerNdcg.algorithm(),
                100 * (like.mean("recall@20") / bestPeer.mean("recall@20") - 1), 100 * (like.mean("ndcg@100") / bestPeerNdcg.mean("ndcg@100") - 1)));
        return sb.toString();
    }

    /** Peers are named library-algorithm; Candor's own are not (default-foldin is Candor's). */
    static boolean isPeer(Report.Result r) {
        return r.algorithm().contains("-") && !r.algorithm().startsWith("default");
    }

    /** Candor iALS vs Spark ALS training time on all positives of the data set, same factors and iterations, same run. */
    static String speed(String set, Dataset d, IalsModel.Params ials, SparkAls spark) {
        Fold whole = Protocol.split(d, new Protocol.Settings(Protocol.Kind.TEMPORAL, 4, 1, 42)).getFirst();
        InteractionMatrix x = whole.data().train();
        FoldData fd = new FoldData(x, InteractionMatrix.builder(0, x.numItems()).build(), whole.data().items());
        double candor = Double.MAX_VALUE;
        double sparkSeconds = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            IalsModel.train(x, ials);
            candor = Math.min(candor, (System.nanoTime() - t0) / 1e9);
            spark.fit(fd);
            sparkSeconds = Math.min(sparkSeconds, spark.lastAlsSeconds);
        }
        return String.format(Locale.ROOT, "iALS training on %s (%,d positives, %d factors, %d iterations, best of 3): Candor %.2f s, "
                        + "Spark MLlib ALS %.2f s — Candor is **%.1f× faster**.%n%n", set, x.nnz(), ials.factors(), ials.iterations(), candor,
                sparkSeconds, sparkSeconds / candor);
    }

    private static double mean(double[] xs) {
        return java.util.Arrays.stream(xs).average().orElse(Double.NaN);
    }

    static void write(Path docs, String section) throws java.io.IOException {
        Sections.write(docs, "quality", "Recommendation quality", section);
    }

}
