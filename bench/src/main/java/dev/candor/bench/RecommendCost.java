package dev.candor.bench;

import dev.candor.engine.Engine;
import dev.candor.recommend.RecommendationRequest;
import dev.candor.recommend.Recommendations;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine's own cost of one top-20 recommendation with reasons, without HTTP: one thread calls
 * {@link Engine#recommend} for each loaded user in turn and reads its CPU time and allocation, after
 * a warm-up. Same data as {@link Wrk}'s modes. For profiling the request path (run it under JFR) and
 * for before/after figures; prints, writes nothing. Usage: {@code RecommendCost [ml-latest-small|synthetic|demo] [seconds]}.
 */
public final class RecommendCost {
    private RecommendCost() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "ml-latest-small";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (BenchServer s = switch (mode) {
            case "demo" -> new BenchServer(Optional.empty(), 3000, 300);
            case "synthetic" -> new BenchServer(Synthetic.generate(Synthetic.Params.defaults()));
            default -> new BenchServer(Path.of(System.getenv().getOrDefault("CANDOR_DATA_DIR", "../shared/data")).resolve("ml-latest-small"));
        }) {
            Engine engine = s.launcher.engine();
            var subjects = s.users.stream().map(u -> engine.pseudonymizer().subject(u)).toList();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().threadId();
            run(engine, subjects, Math.max(5, seconds / 2), threads, tid); // warm-up
            double[] r = run(engine, subjects, seconds, threads, tid);
            System.out.printf(Locale.ROOT, "%s: %,.0f requests, %.1f µs CPU and %,.0f bytes allocated per request (one thread, in-process, no HTTP)%n",
                    mode, r[0], r[1], r[2]);
        }
    }

    private static double[] run(Engine engine, java.util.List<dev.candor.model.SubjectId> subjects, int seconds,
                                com.sun.management.ThreadMXBean threads, long tid) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long alloc0 = threads.getThreadAllocatedBytes(tid);
        long count = 0;
        long shown = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 64; k++) {
                Recommendations recs = engine.recommend(RecommendationRequest.of(subjects.get((int) (count % subjects.size())), 20));
                shown += recs.items().size();
                count++;
            }
        }
        if (shown == 0) {
            throw new IllegalStateException("no recommendations were made");
        }
        return new double[] {count, (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / count,
                (double) (threads.getThreadAllocatedBytes(tid) - alloc0) / count};
    }
}
