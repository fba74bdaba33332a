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
 * docs/benchmarks.md between {@code <!-- load:begin -->} and {@code <!-- load:end -->}.
 * Usage: {@code Load [seconds] [clients] [docs] [jdbc-url]}.
 */
public final class Load {
    private Load() {
    }

    record Result(String what, long requests, double seconds, double p50, double p99, long units) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path docs = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
        Optional<String> db = args.length > 3 ? Optional.of(args[3]) : Optional.empty();
        try (BenchServer s = new BenchServer(db, 3000, 300)) {
            List<String> users = s.shop.users().stream().map(u -> u.id()).toList();
            List<String> items = s.shop.items().stream().map(i -> i.id().value()).toList();
            for (int u = 0; u < 2000; u++) {
                s.send("PUT", "/v1/users/load-" + u + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}");
            }
            run(s, 3, clients, (c, rnd) -> s.send("GET", "/health", null), 0); // warm-up
            run(s, 3, clients, (c, rnd) -> s.send("GET", "/v1/users/" + users.get(rnd.nextInt(users.size())) + "/recommendations?n=20", null), 0);
            List<Result> results = new ArrayList<>();
            results.add(run(s, seconds, clients, (c, rnd) -> s.send("GET", "/health", null), 0).named("baseline: GET /health"));
            results.add(run(s, seconds, clients, (c, rnd) -> s.send("GET", "/v1/users/" + users.get(rnd.nextInt(users.size()))
                    + "/recommendations?n=20", null), 0).named("GET …/recommendations?n=20 (reasons included)"));
            results.add(run(s, seconds, Math.max(2, clients / 4), (c, rnd) -> {
                StringBuilder b = new StringBuilder(64_000).append('[');
                for (int k = 0; k < 1000; k++) {
                    b.append(k == 0 ? "" : ",").append("{\"user\":\"load-").append(rnd.nextInt(2000)).append("\",\"item\":\"")
                            .append(items.get(rnd.nextInt(items.size()))).append("\",\"type\":\"view\"}");
                }
                return s.send("POST", "/v1/events", b.append(']').toString());
            }, 1000).named("POST /v1/events, batches of 1,000"));
            StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Measured %s by `bench/run Load %d %d` (%s, demo shop: 3,000 items, "
                    + "300 shoppers; %d closed-loop clients on the same 2-core machine for %d s each; HTTP/1.1 on loopback).%n%n",
                    LocalDate.now(), seconds, clients, db.isPresent() ? "PostgreSQL" : "SQLite", clients, seconds));
            md.append("| request | req/s | p50 | p99 | events/s |\n|---|---|---|---|---|\n");
            for (Result r : results) {
                md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f ms | %.2f ms | %s |%n", r.what(), r.perSecond(), r.p50(), r.p99(),
                        r.units() > 0 ? String.format(Locale.ROOT, "%,.0f", r.units() / r.seconds()) : "—"));
            }
            System.out.println(md);
            Sections.write(docs, "load" + (db.isPresent() ? "-postgres" : ""), "Throughput and latency" + (db.isPresent() ? " (PostgreSQL)" : ""),
                    md.toString());
        }
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> send(int client, SplittableRandom rnd) throws Exception;
    }

    record Run(long requests, double seconds, double p50, double p99, long units) {
        Result named(String what) {
            return new Result(what, requests, seconds, p50, p99, units);
        }
    }

    static Run run(BenchServer s, int seconds, int clients, Call call, int unitsPerRequest) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<double[]> latencies = new ArrayList<>();
        long start = System.nanoTime();
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
        double[] all = latencies.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " requests failed");
        }
        return new Run(all.length, elapsed, BenchServer.percentile(all, 50), BenchServer.percentile(all, 99), (long) all.length * unitsPerRequest);
    }
}
