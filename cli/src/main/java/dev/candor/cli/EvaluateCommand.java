package dev.candor.cli;

import dev.candor.eval.Algorithm;
import dev.candor.eval.Dataset;
import dev.candor.eval.Evaluator;
import dev.candor.eval.Fold;
import dev.candor.eval.HtmlReport;
import dev.candor.eval.PerFold;
import dev.candor.eval.Protocol;
import dev.candor.eval.Report;
import dev.candor.eval.Tuner;
import dev.candor.eval.algorithms.ContentAlgorithm;
import dev.candor.eval.algorithms.DefaultAlgorithm;
import dev.candor.eval.algorithms.EaseAlgorithm;
import dev.candor.eval.algorithms.IalsAlgorithm;
import dev.candor.eval.algorithms.ItemKnnAlgorithm;
import dev.candor.eval.algorithms.PopularAlgorithm;
import dev.candor.ingest.file.ColumnMapping;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import dev.candor.ingest.file.RowProblem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code candor evaluate}: offline evaluation by the protocol of DESIGN §7. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate recommenders offline on an interaction file: the same folds and metric code for every algorithm.",
                "Protocol strong (users split into folds; 80%% fold-in / 20%% targets per held-out user) or temporal (last 20%% by time).",
                "Algorithms: default (what candor serve recommends with: EASE + iALS blend), ease, ials, itemknn, content, popular;",
                "default+mmr and default+calibrated add the MMR diversity or Steck calibration re-ranker (see diversity@20, miscalibration@20)."})
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The interaction file.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "movielens-100k, movielens-csv, delimited or jsonl (default: from the file name).")
    String format;

    @Option(names = "--delimiter", defaultValue = "comma", description = "For delimited files: tab, comma, semicolon, pipe, space or one character.")
    String delimiter;

    @Option(names = "--header", description = "For delimited files: the first line is a header.")
    boolean header;

    @Option(names = "--columns", defaultValue = "user,item,value,timestamp",
            description = "For delimited files: columns in file order (user,item,value,timestamp; - skips one).")
    String columns;

    @Option(names = "--threshold", defaultValue = "4", description = "Values at or above are positives (default: ${DEFAULT-VALUE}); rows without a value are positives.")
    double threshold;

    @Option(names = "--protocol", defaultValue = "strong", description = "strong or temporal (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--folds", defaultValue = "5", description = "User folds for the strong protocol (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--algorithms", defaultValue = "default,ease,ials,itemknn,content,popular", split = ",",
            description = "Comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> algorithms;

    @Option(names = "--tune", description = "Choose hyper-parameters and blend weights for each fold on a validation split carved from "
            + "that fold's training users (never its test users) and print them; without it, the serving defaults are used.")
    boolean tune;

    @Option(names = "--write-models", paramLabel = "FILE",
            description = "With --tune: once the folds are measured, choose the values again on all users (on a validation split of 20 %% "
                    + "of them) and write them to FILE, for candor serve --models FILE (docs/evaluation.md).")
    Path writeModels;

    @Option(names = "--dp-epsilon", paramLabel = "E[,E…]", split = ",",
            description = {"Also evaluate the user-level differentially private variant of each listed algorithm that has one (ease, itemknn) "
                    + "at each privacy budget ε, with δ = 1/n (n = training people); 'curve' means 0.5,1,2,4,8.",
                    "The reports gain a privacy–utility section (ε = ∞ is the non-private algorithm). DP hyper-parameters follow a fixed, "
                    + "data-independent rule (docs/privacy-dp.md); --tune never touches them."})
    List<String> dpEpsilon;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON report here.")
    Path out;

    @Option(names = "--html", paramLabel = "FILE", description = "Write an HTML report with charts here.")
    Path html;

    @Option(names = "--no-segments", description = "Skip accuracy per user segment (reported for movielens-100k when u.user is beside "
            + "the data: age band, gender, occupation — for auditing only, never used as features).")
    boolean noSegments;

    @Override
    public Integer call() throws Exception {
        PrintStream o = System.out;
        if (!Files.isRegularFile(data)) {
            System.err.println("candor evaluate: no such file: " + data);
            return 2;
        }
        if (writeModels != null && !tune) {
            System.err.println("candor evaluate: --write-models writes what --tune chooses; add --tune");
            return 2;
        }
        InteractionFormat fmt = format == null ? ImportCommand.guess(data)
                : InteractionFormat.fromWire(format).orElseThrow(() -> new IllegalArgumentException(
                        "unknown format; use movielens-100k, movielens-csv, delimited or jsonl"));
        InteractionReader.Options options = InteractionReader.Options.of(fmt);
        if (fmt == InteractionFormat.DELIMITED) {
            options = options.withDelimiter(InteractionReader.delimiter(delimiter)).withHeader(header).withColumns(ColumnMapping.parse(columns));
        }
        Protocol.Kind kind = Protocol.Kind.fromWire(protocol).orElseThrow(() -> new IllegalArgumentException("--protocol must be strong or temporal"));
        Protocol.Settings settings = new Protocol.Settings(kind, threshold, folds, seed);
        List<RowProblem> problems = new ArrayList<>();
        long[] bad = {0};
        Dataset dataset;
        try (ProgressBar pb = bar("Reading", Files.size(data))) {
            dataset = Dataset.load(data, options, Optional.empty(), p -> {
                bad[0]++;
                if (problems.size() < 10) {
                    problems.add(p);
                }
            }, pb::stepTo);
        }
        o.printf("Read %,d interactions of %,d users on %,d items (%,d unreadable rows%s).%n", dataset.size(), dataset.numUsers(),
                dataset.numItems(), bad[0], problems.isEmpty() ? "" : "; first: " + problems.getFirst());
        List<Fold> split = Protocol.split(dataset, settings);
        if (split.stream().allMatch(f -> f.targets().length == 0)) {
            System.err.println("candor evaluate: no user has " + Protocol.MIN_POSITIVES + " positives (values >= " + threshold
                    + "); lower --threshold or check --columns");
            return 1;
        }
        // --tune chooses every fold's values on that fold's training users, so no fold is scored with values its test users helped pick.
        java.util.Map<Fold, Tuner.Tuned> tuned = new java.util.LinkedHashMap<>();
        for (Fold f : split) {
            tuned.put(f, Tuner.Tuned.defaults());
        }
        if (tune) {
            o.println("Tuning on a validation split of each fold's training users …");
            for (Fold f : split) {
                tuned.put(f, Tuner.tune(f, seed, line -> { }));
                o.printf("Fold %d chosen: %s%n", f.index() + 1, tuned.get(f).describe());
            }
        }
        List<Algorithm> list = new ArrayList<>();
        for (String a : algorithms) {
            list.add(switch (a.strip()) {
                case "default" -> PerFold.of(split, f -> new DefaultAlgorithm(tuned.get(f).cf()));
                case "ease" -> PerFold.of(split, f -> new EaseAlgorithm(tuned.get(f).easeLambda(), tuned.get(f).easeDropout()));
                case "ials" -> PerFold.of(split, f -> new IalsAlgorithm(tuned.get(f).ials()));
                case "itemknn" -> PerFold.of(split, f -> new ItemKnnAlgorithm(tuned.get(f).knnNeighbours(), tuned.get(f).knnShrink()));
                case "content" -> new ContentAlgorithm();
                case "popular" -> new PopularAlgorithm();
                case "default+mmr" -> new dev.candor.eval.algorithms.RerankedAlgorithm(PerFold.of(split, f -> new DefaultAlgorithm(tuned.get(f).cf())),
                        dev.candor.eval.algorithms.RerankedAlgorithm.Kind.MMR, 0.7);
                case "default+calibrated" -> new dev.candor.eval.algorithms.RerankedAlgorithm(PerFold.of(split, f -> new DefaultAlgorithm(tuned.get(f).cf())),
                        dev.candor.eval.algorithms.RerankedAlgorithm.Kind.CALIBRATED, 0.5);
                default -> throw new IllegalArgumentException("unknown algorithm '" + a + "'; use default, ease, ials, itemknn, content, popular, "
                        + "default+mmr, default+calibrated");
            });
        }
        List<Double> dpEpsilons = dpEpsilons();
        if (!dpEpsilons.isEmpty()) {
            List<String> names = algorithms.stream().map(String::strip).toList();
            if (names.stream().noneMatch(dev.candor.eval.DpCurve.SUPPORTED::contains)) {
                System.err.println("candor evaluate: --dp-epsilon needs ease or itemknn among --algorithms");
                return 2;
            }
            list.addAll(dev.candor.eval.DpCurve.algorithms(names, dpEpsilons, dev.candor.eval.algorithms.DpRule.DEFAULT));
        }
        Optional<dev.candor.eval.UserSegments> segments = Optional.empty();
        Optional<Path> users = fmt == InteractionFormat.MOVIELENS_100K && !noSegments
                ? dev.candor.eval.UserSegments.besides(data) : Optional.empty();
        if (users.isPresent()) {
            segments = Optional.of(dev.candor.eval.UserSegments.readMovieLens100k(users.get()));
            o.println("Reporting accuracy per user segment from " + users.get().getFileName()
                    + " (age band, gender, occupation): for auditing only, never used as features.");
        }
        Report report;
        try (ProgressBar pb = bar("Evaluating", (long) list.size() * split.size())) {
            report = Evaluator.run(dataset, settings, split, list, (what, done, total) -> {
                pb.setExtraMessage(what);
                pb.stepTo(done);
            }, segments);
        }
        o.printf("%n%-10s %16s %16s %16s %16s %10s %9s%n", "algorithm", "recall@20", "recall@50", "ndcg@10", "ndcg@100", "coverage", "fit s");
        for (Report.Result r : report.results()) {
            o.printf("%-10s %16s %16s %16s %16s %10.4f %9.2f%n", r.algorithm(), pm(r, "recall@20"), pm(r, "recall@50"), pm(r, "ndcg@10"),
                    pm(r, "ndcg@100"), r.mean("coverage@20"), java.util.Arrays.stream(r.timings().get("fit_seconds")).average().orElse(0));
        }
        printSegments(o, report);
        if (!dpEpsilons.isEmpty()) {
            printCurve(o, report, dpEpsilons);
        }
        if (out != null) {
            Files.writeString(out, dpEpsilons.isEmpty() ? report.toJson() : dev.candor.eval.DpCurve.json(report, dpEpsilons));
            o.println("JSON report: " + out);
        }
        if (html != null) {
            Files.writeString(html, dpEpsilons.isEmpty() ? HtmlReport.render(report) : dev.candor.eval.DpCurve.html(report, dpEpsilons));
            o.println("HTML report: " + html);
        }
        if (writeModels != null) {
            // the folds measured how well the search chooses; what is served is chosen on everyone, as the last step
            Fold whole = Protocol.whole(dataset, settings);
            o.printf("Choosing the values to serve on all %,d users …%n", whole.data().train().numUsers());
            Tuner.Tuned chosen = Tuner.tune(whole, seed, line -> { });
            ModelsFile.write(writeModels, chosen, new ModelsFile.Provenance(data.getFileName().toString(), whole.data().train().numUsers(),
                    whole.universe().length, threshold, seed), java.time.Instant.now());
            o.println("Chosen on all users: " + chosen.describe());
            o.println("Models file: " + writeModels + " (serve with: candor serve --models " + writeModels + ")");
        }
        return 0;
    }

    /** {@return the ε values of --dp-epsilon, ascending, distinct} */
    private List<Double> dpEpsilons() {
        if (dpEpsilon == null) {
            return List.of();
        }
        java.util.TreeSet<Double> out = new java.util.TreeSet<>();
        for (String e : dpEpsilon) {
            if (e.strip().equals("curve")) {
                out.addAll(dev.candor.eval.DpCurve.EPSILONS);
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(e.strip());
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("--dp-epsilon takes positive numbers or 'curve'");
            }
            if (!(v > 0) || Double.isInfinite(v) || v > 100) {
                throw new IllegalArgumentException("--dp-epsilon values must be in (0, 100]");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static void printCurve(PrintStream o, Report report, List<Double> eps) {
        Map<String, Object> curves = (Map<String, Object>) dev.candor.eval.DpCurve.section(report, eps).get("curves");
        o.printf("%nPrivacy–utility (user-level, δ = 1/n): Recall@20 and share of the non-private Recall@20%n");
        curves.forEach((base, pts) -> {
            StringBuilder sb = new StringBuilder(String.format("%-8s", base));
            for (Map<String, Object> p : (List<Map<String, Object>>) pts) {
                Map<String, Object> r = (Map<String, Object>) p.get("recall@20");
                sb.append(String.format("  ε=%s: %.4f (%.0f%%)", p.get("epsilon"), (Double) r.get("mean"), 100 * (Double) p.get("retained")));
            }
            o.println(sb);
        });
    }

    /** Prints, per segment attribute, the recall@20 of each algorithm per group (the JSON and HTML reports have every metric). */
    private static void printSegments(PrintStream o, Report report) {
        String attribute = null;
        for (dev.candor.eval.SegmentEvaluation.Result g : report.segments()) {
            if (!g.attribute().equals(attribute)) {
                attribute = g.attribute();
                o.printf("%nrecall@20 by %s:%n%-16s %6s", attribute, "group", "users");
                report.results().forEach(r -> o.printf(" %10s", r.algorithm()));
                o.println();
            }
            o.printf("%-16s %6d", g.group(), g.totalUsers());
            for (Report.Result r : report.results()) {
                o.printf(" %10.4f", g.mean(r.algorithm(), "recall@20"));
            }
            o.println();
        }
    }

    private static String pm(Report.Result r, String metric) {
        return String.format("%.4f ± %.4f", r.mean(metric), r.std(metric));
    }

    private static ProgressBar bar(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
    }
}
