package dev.candor.bench;

import dev.candor.engine.EngineConfig;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.IalsModel;
import java.util.Locale;

/**
 * {@code bench/run IalsSpeed [iterations] [users] [repeats]}: Candor's iALS alone (no Spark) on the first
 * {@code users} users of the {@link Synthetic} set, the engine's default settings with the iterations
 * given; prints seconds per iteration, best of {@code repeats}, in wall-clock time and in CPU time of the
 * process (the steadier figure on a shared machine: it counts the work, not the wait for a core). For
 * profiling (JFR) and before/after comparisons of training changes; {@link Training} is the benchmark
 * with the Spark baseline.
 */
public final class IalsSpeed {
    private IalsSpeed() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Synthetic syn = Synthetic.generate(Synthetic.Params.defaults());
        int users = args.length > 1 ? Integer.parseInt(args[1]) : syn.numUsers();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        InteractionMatrix x = syn.firstUsers(users);
        IalsModel.Params d = EngineConfig.Collaborative.defaults().ials();
        IalsModel.Params p = new IalsModel.Params(d.factors(), iterations, d.alpha(), d.lambda(), d.nu(), d.seed());
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            IalsModel.train(x, p);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            best = Math.min(best, s);
            bestCpu = Math.min(bestCpu, cpu);
            System.out.printf(Locale.ROOT, "run %d: %.2f s (%.3f s/iteration), CPU %.2f s, load average %.1f%n", r + 1, s, s / iterations, cpu,
                    Training.loadAverage());
        }
        System.out.printf(Locale.ROOT, "%,d users, %,d events, %d factors, %d iterations: best %.2f s, %.3f s/iteration; CPU best %.2f s, %.3f s/iteration%n",
                users, x.nnz(), p.factors(), iterations, best, best / iterations, bestCpu, bestCpu / iterations);
    }
}
