package dev.candor.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation's results: per algorithm, every metric and timing per fold with mean and standard
 * deviation; plus what data set and protocol produced them. {@link #toJson()} writes the shape
 * {@code {"results":[{"algorithm","params","metrics":{"recall@20":{"mean","std","folds"}},"timings"}],
 * "dataset":{…},"protocol":{…}}}, plus, when user segments were given, {@code "segments":{"note",
 * "groups":[{"attribute","group","users":[per fold],"metrics":{algorithm:{metric:{"mean","std","folds"}}}}]}}.
 */
public record Report(Map<String, Object> dataset, Map<String, Object> protocol, List<Result> results,
                     List<SegmentEvaluation.Result> segments) {
    /** What the report says about its per-segment results. */
    public static final String SEGMENT_NOTE = "Accuracy per user segment, for auditing only: segments are never used as features "
            + "or shown to any algorithm.";

    /** A report without per-segment results. */
    public Report(Map<String, Object> dataset, Map<String, Object> protocol, List<Result> results) {
        this(dataset, protocol, results, List.of());
    }

    public Report {
        dataset = Map.copyOf(dataset);
        protocol = Map.copyOf(protocol);
        results = List.copyOf(results);
        segments = List.copyOf(segments);
    }

    /** One algorithm's results. Maps are in insertion order. */
    public record Result(String algorithm, Map<String, Object> params, Map<String, double[]> metrics, Map<String, double[]> timings) {
        public double mean(String metric) {
            return Report.mean(metrics.get(metric));
        }

        public double std(String metric) {
            return Report.std(metrics.get(metric));
        }
    }

    public Result result(String algorithm) {
        return results.stream().filter(r -> r.algorithm().equals(algorithm)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no results for " + algorithm));
    }

    static double mean(double[] xs) {
        double s = 0;
        int n = 0;
        for (double x : xs) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation over folds (n − 1); 0 for one fold. */
    static double std(double[] xs) {
        double m = mean(xs);
        double s = 0;
        int n = 0;
        for (double x : xs) {
            if (!Double.isNaN(x)) {
                s += (x - m) * (x - m);
                n++;
            }
        }
        return n < 2 ? 0 : Math.sqrt(s / (n - 1));
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("results", results.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("algorithm", r.algorithm());
            m.put("params", r.params());
            m.put("metrics", summarize(r.metrics()));
            m.put("timings", summarize(r.timings()));
            return m;
        }).toList());
        root.put("dataset", dataset);
        root.put("protocol", protocol);
        if (!segments.isEmpty()) {
            Map<String, Object> seg = new LinkedHashMap<>();
            seg.put("note", SEGMENT_NOTE);
            seg.put("groups", segments.stream().map(g -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("attribute", g.attribute());
                m.put("group", g.group());
                m.put("users", java.util.Arrays.stream(g.users()).boxed().toList());
                Map<String, Object> byAlgorithm = new LinkedHashMap<>();
                g.metrics().forEach((a, metrics) -> byAlgorithm.put(a, summarize(metrics)));
                m.put("metrics", byAlgorithm);
                return m;
            }).toList());
            root.put("segments", seg);
        }
        return JsonText.write(root);
    }

    private static Map<String, Object> summarize(Map<String, double[]> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, folds) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("mean", mean(folds));
            s.put("std", std(folds));
            s.put("folds", folds);
            out.put(name, s);
        });
        return out;
    }
}
