package dev.candor.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Event-to-visible freshness over HTTP: a consenting user sends one view, then asks for
 * recommendations until one of them is explained by that view; the time from sending the event to
 * that answer is the freshness. 1,000 trials on the demo shop (3,000 items, 300 shoppers), with
 * {@code GET /health} latency measured in the same run as the baseline. Writes docs/benchmarks.md
 * between {@code <!-- freshness:begin -->} and {@code <!-- freshness:end -->}.
 */
public final class Freshness {
    private Freshness() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path docs = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
        try (BenchServer s = new BenchServer(Optional.empty(), 3000, 300)) {
            SplittableRandom rnd = new SplittableRandom(1);
            // items someone interacted with, so the collaborative sources have something to say about them
            var engine = s.launcher.engine();
            var popular = s.shop.items().stream().filter(i -> engine.catalog().indexOf(i.id()).stream()
                    .anyMatch(x -> engine.models().popularity().count(x) >= 3 && !engine.catalog().isSensitive(x))).toList();
            double[] fresh = new double[trials];
            double[] health = new double[trials];
            int polls = 0;
            for (int warm = 0; warm < 200; warm++) {
                s.send("GET", "/health", null);
            }
            for (int t = 0; t < trials; t++) {
                String user = "fresh-" + t;
                s.send("PUT", "/v1/users/" + user + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}");
                var item = popular.get(rnd.nextInt(popular.size()));
                long h0 = System.nanoTime();
                s.send("GET", "/health", null);
                health[t] = (System.nanoTime() - h0) / 1e6;
                long t0 = System.nanoTime();
                HttpResponse<String> r = s.send("POST", "/v1/events", "[{\"user\":\"" + user + "\",\"item\":\"" + item.id().value()
                        + "\",\"type\":\"view\"}]");
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("ingest failed: " + r.body());
                }
                while (true) {
                    polls++;
                    String recs = s.send("GET", "/v1/users/" + user + "/recommendations?n=10", null).body();
                    if (recs.contains("\"ref\":\"" + item.id().value() + "\"")) {
                        break;
                    }
                    if ((System.nanoTime() - t0) > 5_000_000_000L) {
                        throw new IllegalStateException("the event never became visible");
                    }
                }
                fresh[t] = (System.nanoTime() - t0) / 1e6;
            }
            String section = String.format(Locale.ROOT, "Measured %s by `bench/run Freshness` (%d trials, demo shop: 3,000 items, 300 shoppers, "
                            + "SQLite, one JVM, HTTP on loopback). Freshness = from sending one event (`POST /v1/events`, durable before the "
                            + "reply) to the first `GET …/recommendations` whose reasons cite it.%n%n| | p50 | p99 | max |%n|---|---|---|---|%n"
                            + "| event → visible | %.2f ms | %.2f ms | %.2f ms |%n| baseline: `GET /health` | %.2f ms | %.2f ms | %.2f ms |%n%n"
                            + "Polls per trial: %.2f (1.00 means the very next request already showed the event: the live index is updated "
                            + "before the ingest reply). Target p99 ≤ 50 ms.%n", LocalDate.now(), trials, BenchServer.percentile(fresh, 50),
                    BenchServer.percentile(fresh, 99), BenchServer.percentile(fresh, 100), BenchServer.percentile(health, 50),
                    BenchServer.percentile(health, 99), BenchServer.percentile(health, 100), (double) polls / trials);
            System.out.println(section);
            Sections.write(docs, "freshness", "Freshness", section);
        }
    }
}
