package dev.candor.eval;

import dev.candor.eval.algorithms.DpEaseAlgorithm;
import dev.candor.eval.algorithms.DpItemKnnAlgorithm;
import dev.candor.eval.algorithms.DpRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The privacy–utility curve of {@code candor evaluate --dp-epsilon}: for each listed algorithm with a
 * DP variant ({@code ease}, {@code itemknn}), that variant at each ε, evaluated by the same
 * {@link Evaluator} on the same folds; the non-private algorithm is the ε = ∞ point and the
 * denominator of each point's "retained" share. Adds a {@code privacy_utility} section to the JSON
 * report and a section with a table and a chart to the HTML report; the rest of both is unchanged.
 */
public final class DpCurve {
    /** The curve's finite points: with the non-private ∞, ε ∈ {0.5, 1, 2, 4, 8, ∞}. */
    public static final List<Double> EPSILONS = List.of(0.5, 1.0, 2.0, 4.0, 8.0);
    /** The algorithms that have a DP variant. */
    public static final List<String> SUPPORTED = List.of("ease", "itemknn");
    private static final List<String> SHOWN = List.of("recall@20", "recall@50", "ndcg@10", "ndcg@100");

    private DpCurve() {
    }

    /** {@return ε as it appears in algorithm names: 0.5, 1, 2, …} */
    public static String label(double epsilon) {
        return epsilon == Math.rint(epsilon) ? Long.toString((long) epsilon) : Double.toString(epsilon);
    }

    /** {@return the DP variants to evaluate: per supported listed algorithm, one per ε} */
    public static List<Algorithm> algorithms(List<String> listed, List<Double> epsilons, DpRule rule) {
        List<Algorithm> out = new ArrayList<>();
        for (String a : listed) {
            for (double e : epsilons) {
                switch (a.strip()) {
                    case "ease" -> out.add(new DpEaseAlgorithm(e, rule));
                    case "itemknn" -> out.add(new DpItemKnnAlgorithm(e, rule));
                    default -> { }
                }
            }
        }
        return out;
    }

    /**
     * {@return the curve: per base algorithm, its points from the smallest ε to ∞} Each point holds
     * ε ("inf" for the non-private one), δ rule, every shown metric's mean and std over folds, and
     * {@code retained}: Recall@20 as a share of the non-private Recall@20.
     */
    public static Map<String, Object> section(Report report, List<Double> epsilons) {
        Map<String, Object> curves = new LinkedHashMap<>();
        for (String base : SUPPORTED) {
            Report.Result np = find(report, base);
            if (np == null) {
                continue;
            }
            double ref = np.mean("recall@20");
            List<Map<String, Object>> points = new ArrayList<>();
            for (double e : epsilons) {
                Report.Result r = find(report, "dp-" + base + "@" + label(e));
                if (r != null) {
                    points.add(point(r, e, ref));
                }
            }
            points.add(point(np, Double.POSITIVE_INFINITY, ref));
            curves.put(base, points);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("privacy", "user-level (one person's whole history added or removed), (ε, δ)-DP with δ = 1/n, "
                + "n = people in the fold's training set; zCDP accounting (docs/privacy-dp.md)");
        s.put("curves", curves);
        return s;
    }

    private static Map<String, Object> point(Report.Result r, double epsilon, double ref) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("algorithm", r.algorithm());
        p.put("epsilon", Double.isInfinite(epsilon) ? "inf" : epsilon);
        for (String m : SHOWN) {
            p.put(m, Map.of("mean", r.mean(m), "std", r.std(m)));
        }
        p.put("retained", r.mean("recall@20") / ref);
        return p;
    }

    private static Report.Result find(Report report, String name) {
        return report.results().stream().filter(r -> r.algorithm().equals(name)).findFirst().orElse(null);
    }

    /** {@return the report's JSON with the {@code privacy_utility} section added} */
    public static String json(Report report, List<Double> epsilons) {
        String base = report.toJson().stripTrailing();
        String extra = JsonText.write(Map.of("privacy_utility", section(report, epsilons))).strip();
        // both are JSON objects: splice the section in as the last member
        return base.substring(0, base.length() - 1).stripTrailing() + ",\n  " + extra.substring(1, extra.length() - 1).strip() + "\n}\n";
    }

    /** {@return the report's HTML with a privacy–utility section (table and chart) before the end} */
    public static String html(Report report, List<Double> epsilons) {
        String page = HtmlReport.render(report);
        StringBuilder sb = new StringBuilder("<h2>Privacy–utility curve</h2><p>User-level (ε, δ = 1/n)-DP variants, same folds and "
                + "metric code; ∞ is the non-private algorithm. <i>Retained</i> is Recall@20 as a share of the non-private one.</p>");
        Map<String, Object> curves = castMap(section(report, epsilons).get("curves"));
        for (Map.Entry<String, Object> c : curves.entrySet()) {
            List<Map<String, Object>> points = castList(c.getValue());
            sb.append("<h3>").append(esc(c.getKey())).append("</h3><table><tr><th>ε</th>");
            SHOWN.forEach(m -> sb.append("<th>").append(esc(m)).append("</th>"));
            sb.append("<th>retained</th></tr>");
            for (Map<String, Object> p : points) {
                sb.append("<tr><td>").append(esc(String.valueOf(p.get("epsilon")))).append("</td>");
                for (String m : SHOWN) {
                    Map<String, Object> v = castMap(p.get(m));
                    sb.append("<td>").append(fmt((Double) v.get("mean"))).append(" ± ").append(fmt((Double) v.get("std"))).append("</td>");
                }
                sb.append("<td>").append(String.format(Locale.ROOT, "%.0f %%", 100 * (Double) p.get("retained"))).append("</td></tr>");
            }
            sb.append("</table>").append(chart(c.getKey(), points));
        }
        int at = page.lastIndexOf("</body>");
        return page.substring(0, at) + sb + page.substring(at);
    }

    /** Recall@20 against ε on a log axis (∞ drawn at the right end), as inline SVG. */
    private static String chart(String name, List<Map<String, Object>> points) {
        int w = 460;
        int h = 220;
        int left = 50;
        int bottom = 30;
        double max = 0;
        for (Map<String, Object> p : points) {
            max = Math.max(max, (Double) castMap(p.get("recall@20")).get("mean"));
        }
        max = max <= 0 ? 1 : max * 1.1;
        StringBuilder sb = new StringBuilder("<figure><figcaption>").append(esc(name)).append(": recall@20 by ε</figcaption><svg role=\"img\" aria-label=\"")
                .append(esc(name)).append(" recall at 20 by epsilon\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        int n = points.size();
        StringBuilder path = new StringBuilder();
        for (int k = 0; k < n; k++) {
            double x = left + (w - left - 20) * (n == 1 ? 0.5 : (double) k / (n - 1));
            double y = (h - bottom) - (h - bottom - 10) * (Double) castMap(points.get(k).get("recall@20")).get("mean") / max;
            path.append(k == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#2f6fde\"/>", x, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>", x, h - 10,
                    esc(String.valueOf(points.get(k).get("epsilon")).replace("inf", "∞"))));
        }
        sb.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"#2f6fde\"/>");
        sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"16\" font-size=\"12\">%.3f</text>", max));
        return sb.append("</svg></figure>").toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.4f", d);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
