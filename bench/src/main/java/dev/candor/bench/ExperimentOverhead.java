package dev.candor.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * What taking part in an experiment adds to a recommendation request over HTTP: the same
 * consenting users ask, alternately, on a surface no experiment covers (baseline) and on one a
 * running experiment covers (variant assignment, the strategy, and the impression made durable
 * before the reply). Interleaved in one run so machine load affects both alike; reported as
 * ratios. Demo shop (3,000 items, 300 shoppers) on SQLite, or PostgreSQL with a JDBC URL as the
 * second argument. Writes docs/benchmarks.md between {@code <!-- experiments:begin -->} and
 * {@code <!-- experiments:end -->}.
 */
public final class ExperimentOverhead {
    private ExperimentOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Optional<String> db = args.length > 1 && args[1].startsWith("jdbc:") ? Optional.of(args[1]) : Optional.empty();
        Path docs = Path.of("docs/benchmarks.md");
        try (BenchServer s = new BenchServer(db, 3000, 300)) {
            int users = 200;
            StringBuilder events = new StringBuilder("[");
            for (int u = 0; u < users; u++) {
                check(s.send("PUT", "/v1/users/x" + u + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true,"
                        + "\"experiments\":true}}"));
                for (int k = 0; k < 5; k++) {
                    events.append(events.length() == 1 ? "" : ",").append("{\"user\":\"x").append(u).append("\",\"item\":\"")
                            .append(s.shop.items().get((u * 13 + k * 7) % s.shop.items().size()).id().value()).append("\",\"type\":\"view\"}");
                }
            }
            check(s.send("POST", "/v1/events", events.append(']').toString()));
            s.launcher.engine().retrain();
            check(s.send("POST", "/v1/experiments", "{\"id\":\"bench\",\"name\":\"overhead\",\"surfaces\":[\"home\"],\"variants\":"
                    + "[{\"name\":\"a\",\"strategy\":\"hybrid\"},{\"name\":\"b\",\"strategy\":\"hybrid\"}]}"));
            for (int w = 0; w < 400; w++) {
                s.send("GET", "/v1/users/x" + (w % users) + "/recommendations?surface=" + (w % 2 == 0 ? "home" : "other"), null);
            }
            double[] base = new double[trials];
            double[] exp = new double[trials];
            for (int t = 0; t < trials; t++) {
                String user = "x" + (t % users);
                boolean expFirst = t % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean inExp = (k == 0) == expFirst;
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = s.send("GET", "/v1/users/" + user + "/recommendations?n=10&surface=" + (inExp ? "home" : "other"), null);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    check(r);
                    if (inExp != r.body().contains("\"experiment\":\"bench\"")) {
                        throw new IllegalStateException("unexpected enrolment: " + r.body());
                    }
                    (inExp ? exp : base)[t] = ms;
                }
            }
            String section = String.format(Locale.ROOT, "Measured %s by `bench/run ExperimentOverhead %d%s` (demo shop: 3,000 items, 300 "
                            + "shoppers, plus 200 users granting `experiments`; %s; one JVM, HTTP on loopback). Each trial asks twice for the same "
                            + "user, in alternating order: on a surface no experiment covers (baseline) and on one a running two-variant "
                            + "experiment covers (assignment, strategy, and the impression durable before the reply, group-committed).%n%n"
                            + "| GET recommendations | p50 | p99 |%n|---|---|---|%n| baseline (not in an experiment) | %.2f ms | %.2f ms |%n"
                            + "| in an experiment | %.2f ms | %.2f ms |%n| ratio | %.2f | %.2f |%n", LocalDate.now(), trials,
                    db.isPresent() ? " jdbc:postgresql:…" : "", db.isPresent() ? "PostgreSQL" : "SQLite",
                    BenchServer.percentile(base, 50), BenchServer.percentile(base, 99), BenchServer.percentile(exp, 50),
                    BenchServer.percentile(exp, 99), BenchServer.percentile(exp, 50) / BenchServer.percentile(base, 50),
                    BenchServer.percentile(exp, 99) / BenchServer.percentile(base, 99));
            System.out.println(section);
            Sections.write(docs, "experiments", "Experiment overhead", section);
        }
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("request failed: " + r.statusCode() + " " + r.body());
        }
    }
}
