package dev.candor.eval;

import dev.candor.recommend.InteractionMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy per user segment (DESIGN §7): for each attribute of {@link UserSegments} and each of its
 * groups, every metric of {@link Evaluator#METRICS} over the held-out users of that group only, per
 * fold — with the same fitted model and the same metric code as the whole evaluation (the fold is
 * restricted to the group's rows and {@link Evaluator#evaluate} is called on it; coverage is then
 * the group's own). An audit of who the recommender serves worse; the segments are never shown to
 * an algorithm. Not thread-safe; used by one {@link Evaluator#run} call.
 */
public final class SegmentEvaluation {
    /** One segment's results. */
    public record Result(String attribute, String group, int[] users, Map<String, Map<String, double[]>> metrics) {
        /** {@return held-out users evaluated, over all folds} */
        public int totalUsers() {
            int n = 0;
            for (int u : users) {
                n += u;
            }
            return n;
        }

        public double mean(String algorithm, String metric) {
            return Report.mean(metrics.get(algorithm).get(metric));
        }
    }

    private final UserSegments segments;
    private final Dataset dataset;
    private final int folds;
    private final Map<String, Result> results = new LinkedHashMap<>();

    public SegmentEvaluation(UserSegments segments, Dataset dataset, int folds) {
        this.segments = segments;
        this.dataset = dataset;
        this.folds = folds;
        for (String a : segments.attributes().keySet()) {
            for (String g : segments.groups(a)) {
                results.put(a + "\u0000" + g, new Result(a, g, new int[folds], new LinkedHashMap<>()));
            }
        }
    }

    /** Scores {@code fitted} on each group's held-out users of fold {@code f}. */
    void add(String algorithm, Fold f, Algorithm.Fitted fitted) {
        if (f.users().length == 0) {
            return;
        }
        for (Result r : results.values()) {
            Map<String, String> groupOf = segments.attributes().get(r.attribute());
            List<Integer> rows = new ArrayList<>();
            for (int k = 0; k < f.users().length; k++) {
                if (f.targets()[k].length > 0 && r.group().equals(groupOf.get(dataset.userId(f.users()[k])))) {
                    rows.add(k);
                }
            }
            r.users()[f.index()] = rows.size();
            double[] m = rows.isEmpty() ? nan() : Evaluator.evaluate(restrict(f, rows), (u, out) -> fitted.score(rows.get(u), out));
            Map<String, double[]> byMetric = r.metrics().computeIfAbsent(algorithm, x -> {
                Map<String, double[]> init = new LinkedHashMap<>();
                Evaluator.METRICS.forEach(name -> init.put(name, filled(folds)));
                return init;
            });
            for (int k = 0; k < Evaluator.METRICS.size(); k++) {
                byMetric.get(Evaluator.METRICS.get(k))[f.index()] = m[k];
            }
        }
    }

    /** {@return the fold with only the held-out rows {@code rows} (training data unchanged)} */
    static Fold restrict(Fold f, List<Integer> rows) {
        InteractionMatrix foldIn = f.data().foldIn();
        InteractionMatrix.Builder b = InteractionMatrix.builder(rows.size(), foldIn.numItems());
        int[][] targets = new int[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            for (int c : foldIn.items(rows.get(r))) {
                b.add(r, c, 1f);
            }
            targets[r] = f.targets()[rows.get(r)];
        }
        return new Fold(f.index(), new FoldData(f.data().train(), b.build(), f.data().items()), targets, f.universe());
    }

    private static double[] nan() {
        return filled(Evaluator.METRICS.size());
    }

    private static double[] filled(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, Double.NaN);
        return d;
    }

    /** {@return every segment that had evaluated users, by attribute then group} */
    public List<Result> results() {
        return results.values().stream().filter(r -> r.totalUsers() > 0).toList();
    }
}
