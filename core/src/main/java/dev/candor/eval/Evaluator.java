package dev.candor.eval;

import dev.candor.recommend.InteractionMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * Applies one set of folds and one metric implementation to every algorithm. Per fold and
 * algorithm: fit (timed), score every held-out user in parallel, rank the universe items not in the
 * user's fold-in, and compute the metrics of {@link Metrics}; then average over users. Coverage is
 * the share of universe items in anyone's top 20.
 */
public final class Evaluator {
    /** The metrics reported, in order. */
    public static final List<String> METRICS = List.of("recall@20", "recall@50", "ndcg@10", "ndcg@100", "coverage@20",
            "diversity@20", "novelty@20", "miscalibration@20");
    static final int DEPTH = 100;

    /** Told about progress: {@code done} of {@code total} (algorithm, fold) steps. */
    @FunctionalInterface
    public interface Progress {
        void step(String what, int done, int total);
    }

    private Evaluator() {
    }

    public static Report run(Dataset dataset, Protocol.Settings settings, List<Fold> folds, List<Algorithm> algorithms, Progress progress) {
        return run(dataset, settings, folds, algorithms, progress, java.util.Optional.empty());
    }

    /** As {@link #run(Dataset, Protocol.Settings, List, List, Progress)}, also reporting accuracy per user segment. */
    public static Report run(Dataset dataset, Protocol.Settings settings, List<Fold> folds, List<Algorithm> algorithms, Progress progress,
                             java.util.Optional<UserSegments> segments) {
        SegmentEvaluation bySegment = segments.map(s -> new SegmentEvaluation(s, dataset, folds.size())).orElse(null);
        List<Report.Result> results = new ArrayList<>();
        int total = folds.size() * algorithms.size();
        int done = 0;
        for (Algorithm a : algorithms) {
            Map<String, double[]> metrics = new LinkedHashMap<>();
            METRICS.forEach(m -> metrics.put(m, new double[folds.size()]));
            double[] fit = new double[folds.size()];
            double[] score = new double[folds.size()];
            for (Fold f : folds) {
                progress.step(a.name() + " fold " + (f.index() + 1), done, total);
                long t0 = System.nanoTime();
                Algorithm.Fitted fitted = a.fit(f.data());
                long t1 = System.nanoTime();
                double[] m = evaluate(f, fitted);
                long t2 = System.nanoTime();
                if (bySegment != null) {
                    bySegment.add(a.name(), f, fitted); // after the timing: scoring time stays comparable
                }
                fit[f.index()] = (t1 - t0) / 1e9;
                score[f.index()] = f.targets().length == 0 ? 0 : (t2 - t1) / 1e6 / f.targets().length;
                for (int k = 0; k < METRICS.size(); k++) {
                    metrics.get(METRICS.get(k))[f.index()] = m[k];
                }
                progress.step(a.name() + " fold " + (f.index() + 1), ++done, total);
            }
            Map<String, double[]> timings = new LinkedHashMap<>();
            timings.put("fit_seconds", fit);
            timings.put("score_ms_per_user", score);
            results.add(new Report.Result(a.name(), a.params(), metrics, timings));
        }
        return new Report(describe(dataset, folds), describe(settings), results,
                bySegment == null ? List.of() : bySegment.results());
    }

    /** {@return the fold's metrics for one fitted model, in {@link #METRICS} order} */
    static double[] evaluate(Fold f, Algorithm.Fitted fitted) {
        return evaluate(f, 1, (u, outs) -> fitted.score(u, outs[0]))[0];
    }

    /** Scores one held-out user for several variants of a model at once (e.g. one blend under several weightings). */
    @FunctionalInterface
    interface VariantScorer {
        /** Fills {@code outs[v]} (each zeroed, one per item) with variant v's scores for held-out user {@code user}. */
        void score(int user, float[][] outs);
    }

    /** {@return per variant, the fold's metrics in {@link #METRICS} order}, each computed exactly as for a single model */
    static double[][] evaluate(Fold f, int variants, VariantScorer scorer) {
        InteractionMatrix foldIn = f.data().foldIn();
        InteractionMatrix train = f.data().train();
        int n = train.numItems();
        int[] itemUsers = new int[n];
        for (int c : train.colIndex()) {
            itemUsers[c]++;
        }
        List<List<String>> cats = f.data().items().categories();
        AtomicIntegerArray[] covered = new AtomicIntegerArray[variants];
        for (int v = 0; v < variants; v++) {
            covered[v] = new AtomicIntegerArray(n);
        }
        double[][][] perUser = new double[variants][f.targets().length][];
        IntStream.range(0, f.targets().length).parallel().forEach(u -> {
            if (f.targets()[u].length == 0) {
                return;
            }
            float[][] outs = new float[variants][n];
            scorer.score(u, outs);
            for (int v = 0; v < variants; v++) {
                float[] scores = outs[v];
                for (int i : foldIn.items(u)) {
                    scores[i] = Float.NEGATIVE_INFINITY;
                }
                int[] top = top(scores, DEPTH);
                for (int r = 0; r < Math.min(20, top.length); r++) {
                    covered[v].set(top[r], 1);
                }
                int[] t = f.targets()[u];
                perUser[v][u] = new double[] {Metrics.recall(top, t, 20), Metrics.recall(top, t, 50), Metrics.ndcg(top, t, 10),
                        Metrics.ndcg(top, t, 100), Double.NaN, Metrics.intraListDiversity(top, 20, cats),
                        Metrics.novelty(top, 20, itemUsers, Math.max(1, train.numUsers())), Metrics.miscalibration(foldIn.items(u), top, 20, cats)};
            }
        });
        double[][] result = new double[variants][];
        for (int v = 0; v < variants; v++) {
            double[] sums = new double[METRICS.size()];
            int[] counts = new int[METRICS.size()];
            for (double[] row : perUser[v]) {
                if (row == null) {
                    continue;
                }
                for (int k = 0; k < row.length; k++) {
                    if (!Double.isNaN(row[k])) {
                        sums[k] += row[k];
                        counts[k]++;
                    }
                }
            }
            double[] out = new double[METRICS.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = counts[k] == 0 ? Double.NaN : sums[k] / counts[k];
            }
            int c = 0;
            for (int i = 0; i < n; i++) {
                c += covered[v].get(i);
            }
            out[4] = n == 0 ? 0 : (double) c / n;
            result[v] = out;
        }
        return result;
    }

    /** {@return the indexes of the {@code k} highest finite scores, best first; ties by lower index} */
    static int[] top(float[] scores, int k) {
        int m = Math.min(k, scores.length);
        int[] heap = new int[m];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s == Float.NEGATIVE_INFINITY || Float.isNaN(s)) {
                continue;
            }
            if (size < m) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (worse(heap[0], i, scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        int[] out = Arrays.copyOf(heap, size);
        Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Integer.compare(a, b));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** a ranks below b */
    private static boolean worse(int a, int b, float[] s) {
        return s[a] < s[b] || s[a] == s[b] && a > b;
    }

    private static void siftUp(int[] h, int i, float[] s) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (worse(h[i], h[p], s)) {
                int t = h[i];
                h[i] = h[p];
                h[p] = t;
                i = p;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] h, int size, float[] s) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int w = i;
            if (l < size && worse(h[l], h[w], s)) {
                w = l;
            }
            if (r < size && worse(h[r], h[w], s)) {
                w = r;
            }
            if (w == i) {
                return;
            }
            int t = h[i];
            h[i] = h[w];
            h[w] = t;
            i = w;
        }
    }

    static Map<String, Object> describe(Dataset d, List<Fold> folds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("interactions", d.size());
        m.put("users", d.numUsers());
        m.put("items", d.numItems());
        m.put("universe_items_per_fold", folds.stream().mapToInt(f -> f.universe().length).boxed().toList());
        m.put("evaluated_users_per_fold", folds.stream().mapToLong(f -> Arrays.stream(f.targets()).filter(t -> t.length > 0).count()).boxed().toList());
        return m;
    }

    static Map<String, Object> describe(Protocol.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.kind().wireName());
        m.put("threshold", s.threshold());
        m.put("folds", s.kind() == Protocol.Kind.STRONG ? s.folds() : 1);
        m.put("seed", s.seed());
        m.put("min_positives", Protocol.MIN_POSITIVES);
        m.put("target_share", Protocol.TARGET_SHARE);
        return m;
    }
}
