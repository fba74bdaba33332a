package dev.candor.eval;

import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page for a {@link Report}: a table of every metric (mean ± std over folds)
 * and one bar chart per main metric with the fold standard deviation as an error bar, drawn as
 * inline SVG (no scripts, opens anywhere, prints).
 */
public final class HtmlReport {
    private static final List<String> CHARTED = List.of("recall@20", "recall@50", "ndcg@10", "ndcg@100", "coverage@20");

    private HtmlReport() {
    }

    public static String render(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Candor evaluation: ")
                .append(esc(String.valueOf(r.dataset().get("name")))).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2330;max-width:70rem}")
                .append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccd;padding:.3rem .6rem;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}figure{display:inline-block;margin:0 1.5rem 1.5rem 0}")
                .append("figcaption{font-weight:600;margin-bottom:.3rem}.best{font-weight:700}</style></head><body>");
        sb.append("<h1>Evaluation of ").append(esc(String.valueOf(r.dataset().get("name")))).append("</h1>");
        sb.append("<p>").append(esc(describe(r.dataset()))).append("<br>Protocol: ").append(esc(describe(r.protocol()))).append("</p>");
        sb.append("<table><tr><th>algorithm</th>");
        for (String m : Evaluator.METRICS) {
            sb.append("<th>").append(esc(m)).append("</th>");
        }
        sb.append("<th>fit s</th><th>ms/user</th></tr>");
        for (Report.Result res : r.results()) {
            sb.append("<tr><td>").append(esc(res.algorithm())).append("</td>");
            for (String m : Evaluator.METRICS) {
                double best = r.results().stream().mapToDouble(x -> x.mean(m)).filter(d -> !Double.isNaN(d))
                        .reduce(m.startsWith("miscalibration") ? Double.MAX_VALUE : -Double.MAX_VALUE,
                                m.startsWith("miscalibration") ? Math::min : Math::max);
                boolean isBest = res.mean(m) == best;
                sb.append("<td").append(isBest ? " class=\"best\"" : "").append(">").append(fmt(res.mean(m))).append(" ± ")
                        .append(fmt(res.std(m))).append("</td>");
            }
            sb.append("<td>").append(fmt(Report.mean(res.timings().get("fit_seconds")))).append("</td><td>")
                    .append(fmt(Report.mean(res.timings().get("score_ms_per_user")))).append("</td></tr>");
        }
        sb.append("</table>");
        for (String m : CHARTED) {
            sb.append(chart(r, m));
        }
        sb.append(segments(r));
        sb.append("<h2>Parameters</h2><ul>");
        for (Report.Result res : r.results()) {
            sb.append("<li><b>").append(esc(res.algorithm())).append("</b> ").append(esc(res.params().toString())).append("</li>");
        }
        sb.append("</ul></body></html>\n");
        return sb.toString();
    }

    /** The per-segment table: for each attribute, a row per group with each algorithm's recall@20 and NDCG@10. */
    static String segments(Report r) {
        if (r.segments().isEmpty()) {
            return "";
        }
        List<String> algorithms = r.results().stream().map(Report.Result::algorithm).toList();
        StringBuilder sb = new StringBuilder("<h2>Accuracy per user segment</h2><p>").append(esc(Report.SEGMENT_NOTE)).append("</p>");
        String attribute = null;
        for (SegmentEvaluation.Result g : r.segments()) {
            if (!g.attribute().equals(attribute)) {
                if (attribute != null) {
                    sb.append("</table>");
                }
                attribute = g.attribute();
                sb.append("<h3>").append(esc(attribute)).append("</h3><table><tr><th>group</th><th>users</th>");
                for (String a : algorithms) {
                    sb.append("<th>").append(esc(a)).append(" recall@20</th><th>").append(esc(a)).append(" ndcg@10</th>");
                }
                sb.append("</tr>");
            }
            sb.append("<tr><td>").append(esc(g.group())).append("</td><td>").append(g.totalUsers()).append("</td>");
            for (String a : algorithms) {
                boolean has = g.metrics().containsKey(a);
                sb.append("<td>").append(has ? fmt(g.mean(a, "recall@20")) : "–").append("</td><td>")
                        .append(has ? fmt(g.mean(a, "ndcg@10")) : "–").append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</table>").toString();
    }

    private static String chart(Report r, String metric) {
        int barH = 22;
        int w = 420;
        int left = 90;
        int h = r.results().size() * (barH + 8) + 30;
        double max = r.results().stream().mapToDouble(x -> x.mean(metric) + x.std(metric)).filter(d -> !Double.isNaN(d)).max().orElse(1);
        double scale = (w - left - 60) / (max <= 0 ? 1 : max);
        StringBuilder sb = new StringBuilder("<figure><figcaption>").append(esc(metric)).append(" (mean ± std over folds)</figcaption>");
        sb.append("<svg role=\"img\" aria-label=\"").append(esc(metric)).append(" by algorithm\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        int y = 10;
        for (Report.Result res : r.results()) {
            double mean = res.mean(metric);
            double std = res.std(metric);
            double bw = Double.isNaN(mean) ? 0 : mean * scale;
            sb.append("<text x=\"").append(left - 6).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\" font-size=\"12\">")
                    .append(esc(res.algorithm())).append("</text>");
            sb.append("<rect x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"").append(String.format("%.1f", bw))
                    .append("\" height=\"").append(barH).append("\" fill=\"").append(res.algorithm().equals("default") ? "#2f6fde" : "#9aa9c7")
                    .append("\"/>");
            double lo = left + (mean - std) * scale;
            double hi = left + (mean + std) * scale;
            int cy = y + barH / 2;
            sb.append(String.format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1d2330\"/>", lo, cy, hi, cy));
            sb.append("<text x=\"").append(String.format("%.1f", left + bw + 6 + std * scale)).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\">").append(fmt(mean)).append("</text>");
            y += barH + 8;
        }
        return sb.append("</svg></figure>").toString();
    }

    private static String describe(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "–" : String.format("%.4f", d);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
