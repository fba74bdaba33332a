package dev.candor.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator on the same machine as the server: C clients (virtual threads) each
 * send requests back to back for a fixed time. Measures recommendation throughput and latency
 * (top 20 with reasons, FULL-level users of the demo shop), ingest throughput in batches of 1,000
 * consent-checked, durably committed events, and {@code GET /health} as the same-run baseline. Writes
 * docs/benchmarks.md between {@code <!-- load:begin -->} and {@code <!-- load:end -->}. With
 * {@code ml-latest-small} first, the server holds MovieLens ml-latest-small instead (read from the
 * shared data directory, never copied) and only the baseline and recommendations are measured
 * ({@code <!-- load-ml:begin -->}). Both report the process's CPU time per request beside req/s.
 * Usage: {@code Load [seconds] [clients] [docs] [jdbc-url]} or {@code Load ml-latest-small [seconds] [clients] [docs] [data-dir]}.
 */
public final class Load {
    private Load() {
    }

    record Result(String what, long requests, double seconds, double p50, double p99, long units, double cpuMs) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /** The data set of the ml-latest-small mode, in the shared data directory. */
    static final String MOVIELENS = "ml-latest-small";

    public static void main(String[] args) throws Exception {
        boolean movieLens = args.length > 0 && args[0].equals(MOVIELENS);
        if (movieLens) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path docs = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
        if (movieLens) {
            Path data = Path.of(args.length > 3 ? args[3] : System.getenv().getOrDefault("CANDOR_DATA_DIR", "../shared/data"));
            try (BenchServer s = new BenchServer(data.resolve(MOVIELENS))) {
                List<Result> results = recommendations(s, seconds, clients);
                String md = table(String.format(Locale.ROOT, "Measured %s by `bench/run Load %s %d %d` (SQLite, MovieLens ml-latest-small: "
                        + "%,d movies, %,d raters granting personalization and behavioural use, every rating ingested as a rating event; %d "
                        + "closed-loop clients on the same 2-core machine for %d s each; HTTP/1.1 on loopback).%n%n", LocalDate.now(), MOVIELENS,
                        seconds, clients, s.items.size(), s.users.size(), clients, seconds), results);
                System.out.println(md);
                Sections.write(docs, "load-ml", "Throughput and latency (ml-latest-small)", md);
            }
            return;
        }
        Optional<String> db = args.length > 3 ? Optional.of(args[3]) : Optional.empty();
        try (BenchServer s = new BenchServer(db, 3000, 300)) {
            List<String> items = s.items;
            for (int u = 0; u < 2000; u++) {
                s.send("PUT", "/v1/users/load-" + u + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}");
            }
            List<Result> results = recommendations(s, seconds, clients);
            results.add(run(s, seconds, Math.max(2, clients / 4), (c, rnd) -> {
                StringBuilder b = new StringBuilder(64_000).append('[');
                for (int k = 0; k < 1000; k++) {
                    b.append(k == 0 ? "" : ",").append("{\"user\":\"load-").append(rnd.nextInt(2000)).append("\",\"item\":\"")
                            .append(items.get(rnd.nextInt(items.size()))).append("\",\"type\":\"view\"}");
                }
                return s.send("POST", "/v1/events", b.append(']').toString());
            }, 1000).named("POST /v1/events, batches of 1,000"));
            String md = table(String.format(Locale.ROOT, "Measured %s by `bench/run Load %d %d` (%s, demo shop: 3,000 items, "
                    + "300 shoppers; %d closed-loop clients on the same 2-core machine for %d s each; HTTP/1.1 on loopback).%n%n",
                    LocalDate.now(), seconds, clients, db.isPresent() ? "PostgreSQL" : "SQLite", clients, seconds), results);
            System.out.println(md);
            Sections.write(docs, "load" + (db.isPresent() ? "-postgres" : ""), "Throughput and latency" + (db.isPresent() ? " (PostgreSQL)" : ""),
                    md);
        }
    }

    /** Warms up, then measures {@code GET /health} (the baseline) and top-20 recommendations with reasons for random loaded users. */
    static List<Result> recommendations(BenchServer s, int seconds, int clients) throws Exception {
        List<String> users = s.users;
        Call recommend = (c, rnd) -> s.send("GET", "/v1/users/" + users.get(rnd.nextInt(users.size())) + "/recommendations?n=20", null);
        run(s, 3, clients, (c, rnd) -> s.send("GET", "/health", null), 0); // warm-up
        run(s, 3, clients, recommend, 0);
        List<Result> results = new ArrayList<>();
        results.add(run(s, seconds, clients, (c, rnd) -> s.send("GET", "/health", null), 0).named("baseline: GET /health"));
        results.add(run(s, seconds, clients, recommend, 0).named("GET …/recommendations?n=20 (reasons included)"));
        return results;
    }

    static String table(String intro, List<Result> results) {
        StringBuilder md = new StringBuilder(intro);
        md.append("| request | req/s | p50 | p99 | events/s | CPU per request |\n|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f ms | %.2f ms | %s | %.2f ms |%n", r.what(), r.perSecond(), r.p50(), r.p99(),
                    r.units() > 0 ? String.format(Locale.ROOT, "%,.0f", r.units() / r.seconds()) : "—", r.cpuMs()));
        }
        md.append("\nCPU per request: this process's CPU time (server and load client together, both cores) over the phase, divided "
                + "by its requests: less sensitive than req/s to other processes sharing the machine, though not immune.\n");
        return md.toString();
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> send(int client, SplittableRandom rnd) throws Exception;
    }

    record Run(long requests, double seconds, double p50, double p99, long units, double cpuMs) {
        Result named(String what) {
            return new Result(what, requests, seconds, p50, p99, units, cpuMs);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static Run run(BenchServer s, int seconds, int clients, Call call, int unitsPerRequest) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<double[]> latencies = new ArrayList<>();
        long start = System.nanoTime();
        long cpu0 = processCpuNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<double[]>> fs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                fs.add(pool.submit(() -> {
                    SplittableRandom rnd = new SplittableRandom(client);
                    double[] lat = new double[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = call.send(client, rnd);
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (r.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        }
                        if (n == lat.length) {
                            lat = java.util.Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = ms;
                    }
                    return java.util.Arrays.copyOf(lat, n);
                }));
            }
            for (Future<double[]> f : fs) {
                latencies.add(f.get());
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuMs = (processCpuNanos() - cpu0) / 1e6;
        double[] all = latencies.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " requests failed");
        }
        return new Run(all.length, elapsed, BenchServer.percentile(all, 50), BenchServer.percentile(all, 99), (long) all.length * unitsPerRequest,
                cpuMs / Math.max(1, all.length));
    }
}
