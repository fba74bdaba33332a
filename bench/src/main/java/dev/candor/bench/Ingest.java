package dev.candor.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Ingest only: closed-loop clients on the same machine each POST batches of 1,000 events back to
 * back (every event consent-checked and durably committed before the reply), with {@code GET /health}
 * as the same-run baseline and no other requests. 2,000 users who granted consent and 200 who did
 * not (their events are dropped, so every batch exercises the consent check both ways); the bodies
 * are built before the clock starts, so the figure is the server's, not the load generator's JSON
 * building. Writes docs/benchmarks.md between {@code <!-- ingest:begin -->} and
 * {@code <!-- ingest:end -->} (or {@code ingest-postgres}).
 * Usage: {@code Ingest [seconds] [clients] [docs] [jdbc-url]}.
 */
public final class Ingest {
    static final int BATCH = 1000;
    static final int CONSENTING = 2000;
    static final int REFUSING = 200;

    private Ingest() {
    }

    /** {@return the CPU time of the event store's commit thread so far, in ns} */
    static long commitThreadCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("candor-event-commit"))
                .mapToLong(t -> threads.getThreadCpuTime(t.threadId())).sum();
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path docs = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
        Optional<String> db = args.length > 3 ? Optional.of(args[3]) : Optional.empty();
        try (BenchServer s = new BenchServer(db, 3000, 300)) {
            List<String> items = s.shop.items().stream().map(i -> i.id().value()).toList();
            for (int u = 0; u < CONSENTING; u++) {
                s.send("PUT", "/v1/users/load-" + u + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}");
            }
            for (int u = 0; u < REFUSING; u++) {
                s.send("PUT", "/v1/users/refuse-" + u + "/consent", "{\"purposes\":{\"personalization\":false,\"behavioral\":false}}");
            }
            SplittableRandom rnd = new SplittableRandom(11);
            List<String> bodies = new ArrayList<>();
            long[] kept = new long[1];
            for (int k = 0; k < 64; k++) {
                StringBuilder b = new StringBuilder(80_000).append('[');
                for (int e = 0; e < BATCH; e++) {
                    boolean refuses = rnd.nextInt(20) == 0;
                    String user = refuses ? "refuse-" + rnd.nextInt(REFUSING) : "load-" + rnd.nextInt(CONSENTING);
                    b.append(e == 0 ? "" : ",").append("{\"user\":\"").append(user)
                            .append("\",\"item\":\"").append(items.get(rnd.nextInt(items.size()))).append("\",\"type\":\"")
                            .append(rnd.nextInt(4) == 0 ? "click" : "view").append('"');
                    if (rnd.nextInt(4) == 0) {
                        b.append(",\"context\":{\"device\":\"mobile\",\"daypart\":\"evening\"}");
                    }
                    b.append('}');
                }
                bodies.add(b.append(']').toString());
            }
            // how many of each body's events are kept (consenting users), to report accepted events/s
            long[] acceptedPerBody = new long[bodies.size()];
            for (int k = 0; k < bodies.size(); k++) {
                var r = s.send("POST", "/v1/events", bodies.get(k));
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("warm-up ingest failed: " + r.statusCode() + " " + r.body());
                }
                acceptedPerBody[k] = Long.parseLong(r.body().replaceAll("(?s).*\"accepted\":(\\d+).*", "$1"));
                kept[0] += acceptedPerBody[k];
            }
            Load.run(s, 3, clients, (c, r) -> s.send("GET", "/health", null), 0); // warm-up
            Load.run(s, 3, clients, (c, r) -> s.send("POST", "/v1/events", bodies.get(r.nextInt(bodies.size()))), BATCH);
            List<Load.Result> results = new ArrayList<>();
            results.add(Load.run(s, seconds, clients, (c, r) -> s.send("GET", "/health", null), 0).named("baseline: GET /health"));
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long commit0 = commitThreadCpu();
            long wall0 = System.nanoTime();
            results.add(Load.run(s, seconds, clients, (c, r) -> s.send("POST", "/v1/events", bodies.get(r.nextInt(bodies.size()))), BATCH)
                    .named("POST /v1/events, batches of 1,000"));
            double wall = System.nanoTime() - wall0;
            double cores = (os.getProcessCpuTime() - cpu0) / wall;
            double commitCores = (commitThreadCpu() - commit0) / wall;
            double keptShare = kept[0] / (double) (bodies.size() * BATCH);
            StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Measured %s by `bench/run Ingest %d %d%s` (%s; ingest only, no other "
                    + "requests, the background trainer refitting as usual; %d closed-loop clients on the same 2-core machine for %d s each; "
                    + "HTTP/1.1 on loopback; request bodies built before the clock starts). Each batch holds 1,000 events of %,d users "
                    + "who consented and %,d who did not "
                    + "(%.1f %% of events are kept, the rest dropped by the consent check); every kept event is durable before the reply.%n%n",
                    LocalDate.now(), seconds, clients, db.isPresent() ? " docs/benchmarks.md <jdbc-url>" : "",
                    db.isPresent() ? "PostgreSQL" : "SQLite",
                    clients, seconds, CONSENTING, REFUSING, 100 * keptShare));
            md.append("| request | req/s | p50 | p99 | events/s (checked) | events/s (kept) |\n|---|---|---|---|---|---|\n");
            for (Load.Result r : results) {
                md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f ms | %.2f ms | %s | %s |%n", r.what(), r.perSecond(), r.p50(), r.p99(),
                        r.units() > 0 ? String.format(Locale.ROOT, "%,.0f", r.units() / r.seconds()) : "—",
                        r.units() > 0 ? String.format(Locale.ROOT, "%,.0f", keptShare * r.units() / r.seconds()) : "—"));
            }
            md.append(String.format(Locale.ROOT, "%nDuring the ingest run this JVM (server and load generator) used %.2f cores of CPU on average, "
                    + "the store's commit thread %.2f; machine load average %.1f.%n", cores, commitCores, os.getSystemLoadAverage()));
            System.out.println(md);
            Sections.write(docs, "ingest" + (db.isPresent() ? "-postgres" : ""), "Ingest throughput" + (db.isPresent() ? " (PostgreSQL)" : ""),
                    md.toString());
        }
    }
}
