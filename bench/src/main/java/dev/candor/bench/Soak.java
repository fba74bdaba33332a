package dev.candor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
 * A bounded soak: for the given minutes, clients mix recommendations (70 %), ingest of 50-event
 * batches (25 %) and erasures followed by fresh consent (5 %) against one server. Reports requests,
 * errors (non-2xx and 5xx), heap after GC at the start and every minute, and whether the audit chain
 * still verifies at the end. Writes docs/benchmarks.md between {@code <!-- soak:begin -->} and
 * {@code <!-- soak:end -->}. Usage: {@code Soak [minutes] [clients] [docs]}.
 */
public final class Soak {
    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path docs = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (BenchServer s = new BenchServer(Optional.empty(), 3000, 300)) {
            List<String> items = s.shop.items().stream().map(i -> i.id().value()).toList();
            int users = 1000;
            for (int u = 0; u < users; u++) {
                s.send("PUT", "/v1/users/soak-" + u + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}");
            }
            AtomicLong requests = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            AtomicLong serverErrors = new AtomicLong();
            AtomicLong events = new AtomicLong();
            AtomicLong erasures = new AtomicLong();
            List<Double> heapMb = new ArrayList<>();
            // per operation (recommend, ingest, erase): each request's latency in ms
            List<List<Double>> latencies = List.of(java.util.Collections.synchronizedList(new ArrayList<>()),
                    java.util.Collections.synchronizedList(new ArrayList<>()), java.util.Collections.synchronizedList(new ArrayList<>()));
            System.gc();
            heapMb.add(memory.getHeapMemoryUsage().getUsed() / 1048576.0);
            long end = System.nanoTime() + minutes * 60_000_000_000L;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> fs = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    fs.add(pool.submit(() -> {
                        SplittableRandom rnd = new SplittableRandom(client);
                        while (System.nanoTime() < end) {
                            String user = "soak-" + rnd.nextInt(users);
                            double op = rnd.nextDouble();
                            HttpResponse<String> r;
                            long t0 = System.nanoTime();
                            int kind = op < 0.70 ? 0 : op < 0.95 ? 1 : 2;
                            if (op < 0.70) {
                                r = s.send("GET", "/v1/users/" + user + "/recommendations?n=20", null);
                            } else if (op < 0.95) {
                                StringBuilder b = new StringBuilder("[");
                                for (int k = 0; k < 50; k++) {
                                    b.append(k == 0 ? "" : ",").append("{\"user\":\"").append(user).append("\",\"item\":\"")
                                            .append(items.get(rnd.nextInt(items.size()))).append("\",\"type\":\"view\"}");
                                }
                                r = s.send("POST", "/v1/events", b.append(']').toString());
                                if (r.statusCode() == 200) {
                                    events.addAndGet(50);
                                }
                            } else {
                                r = s.send("DELETE", "/v1/users/" + user, null);
                                latencies.get(2).add((System.nanoTime() - t0) / 1e6);
                                erasures.incrementAndGet();
                                s.send("PUT", "/v1/users/" + user + "/consent", "{\"purposes\":{\"personalization\":true,\"behavioral\":true}}");
                            }
                            if (kind < 2) {
                                latencies.get(kind).add((System.nanoTime() - t0) / 1e6);
                            }
                            requests.incrementAndGet();
                            if (r.statusCode() / 100 != 2) {
                                errors.incrementAndGet();
                            }
                            if (r.statusCode() >= 500) {
                                serverErrors.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (int m = 0; m < minutes; m++) {
                    Thread.sleep(60_000);
                    System.gc();
                    heapMb.add(memory.getHeapMemoryUsage().getUsed() / 1048576.0);
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            }
            boolean chain = s.launcher.engine().audit().verify().valid();
            String body = String.format(Locale.ROOT, "Measured %s by `bench/run Soak %d %d` (SQLite, demo shop, %d clients, %d minutes: 70%% "
                            + "recommendations, 25%% ingest of 50-event batches, 5%% erasure then fresh consent).%n%n| requests | errors (non-2xx) | "
                            + "5xx | events accepted | erasures | heap after GC, start → end | audit chain |%n|---|---|---|---|---|---|---|%n"
                            + "| %,d | %,d | %,d | %,d | %,d | %.0f MB → %.0f MB (every minute: %s) | %s |%n", LocalDate.now(), minutes, clients,
                    clients, minutes, requests.get(), errors.get(), serverErrors.get(), events.get(), erasures.get(), heapMb.getFirst(),
                    heapMb.getLast(), heapMb.stream().map(h -> String.format(Locale.ROOT, "%.0f", h)).toList(), chain ? "valid" : "INVALID");
            StringBuilder lat = new StringBuilder(String.format("%n| operation | requests | p50 | p99 | max |%n|---|---|---|---|---|%n"));
            String[] names = {"recommend (n=20)", "ingest (50 events)", "erase"};
            for (int k = 0; k < 3; k++) {
                double[] v = latencies.get(k).stream().mapToDouble(Double::doubleValue).toArray();
                if (v.length > 0) {
                    lat.append(String.format(Locale.ROOT, "| %s | %,d | %.1f ms | %.1f ms | %.1f ms |%n", names[k], v.length,
                            BenchServer.percentile(v, 50), BenchServer.percentile(v, 99), BenchServer.percentile(v, 100)));
                }
            }
            body = body + lat;
            System.out.println(body);
            Sections.write(docs, "soak", "Soak", body);
        }
    }
}
