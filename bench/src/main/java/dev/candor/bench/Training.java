package dev.candor.bench;

import dev.candor.bench.peers.SparkAls;
import dev.candor.engine.EngineConfig;
import dev.candor.eval.Dataset;
import dev.candor.ingest.file.InteractionFormat;
import dev.candor.ingest.file.InteractionReader;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.source.EaseModel;
import dev.candor.recommend.source.IalsModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bench/run Training [iterations] [--subsample-users K] [--spark-timeout S] [--data DIR] [--docs FILE] [--ease-only]}:
 * training speed. iALS seconds per iteration at 64 factors on the {@link Synthetic} 10 M-event set,
 * against Spark MLlib ALS (implicit, rank 64, the same iterations, local[*]) in the same run, on a
 * uniform subsample of users first and then on the whole set; and EASE fit time (Gram matrix, then
 * the Cholesky inverse) on ml-100k and ml-latest-small. Candor uses the engine's default iALS and EASE
 * settings ({@link EngineConfig.Collaborative#defaults()}) with the iteration count given; Spark gets the
 * same α and its usual regParam (neither changes the work per iteration). Writes the {@code training}
 * section of docs/benchmarks.md ({@code --ease-only}: prints the EASE table alone and writes nothing).
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = 5;
        int subsampleUsers = 10_000;
        long sparkTimeout = 1800;
        Path data = Path.of("../shared/data");
        Path docs = Path.of("docs/benchmarks.md");
        boolean easeOnly = false; // print the EASE table only, write nothing (the iALS part takes about twenty minutes)
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--subsample-users" -> subsampleUsers = Integer.parseInt(args[++a]);
                case "--spark-timeout" -> sparkTimeout = Long.parseLong(args[++a]);
                case "--data" -> data = Path.of(args[++a]);
                case "--docs" -> docs = Path.of(args[++a]);
                case "--ease-only" -> easeOnly = true;
                default -> iterations = Integer.parseInt(args[a]);
            }
        }
        String command = "bench/run Training" + (args.length > 0 ? " " + String.join(" ", args) : "");
        EngineConfig.Collaborative cf = EngineConfig.Collaborative.defaults();
        IalsModel.Params ials = new IalsModel.Params(cf.ials().factors(), iterations, cf.ials().alpha(), cf.ials().lambda(),
                cf.ials().nu(), cf.ials().seed());
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now()).append(" by `").append(command).append("` (one JVM, -Xmx10g, JDK ")
                .append(Runtime.version().feature()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; load average at the start ").append(String.format(Locale.ROOT, "%.1f", loadAverage()))
                .append("). Anything else running on the machine slows both sides; the ratios, measured in the same run, are the figures to read.\n\n");

        // EASE on MovieLens
        md.append("### EASE fit\n\nAll positives (rating ≥ 4) of each set; the engine's default EASE (λ ").append(fmt(cf.easeLambda()))
                .append(", dropout ").append(fmt(cf.easeDropout())).append("): the item × item Gram matrix, then LAPACK `dpotrf` + `dpotri` ")
                .append("(native OpenBLAS through dev.ludovic.netlib). Best of 3. n counts every item of the set, rated or not; the fit inverts only the m ")
                .append("items that have a positive (an item no one has gets a zero row and column of B whatever is inverted), and *all n s* times, in the same run, ")
                .append("the inversion of the whole n × n matrix that the fit did before (LAPACK on the same penalized Gram, once). ")
                .append("Same-run baseline: before each fit, a ").append(REF).append(" × ").append(REF)
                .append(" `dgemm` through the same BLAS (2 n³ flops), the machine's attainable rate at that moment; the inverse is counted as m³ flops ")
                .append("(`dpotrf` m³/3 + `dpotri` 2m³/3), so *of dgemm* near 1 means the fit runs as fast as the shared machine allows.\n\n")
                .append("| data set | users | items (n) | inverted (m) | positives | Gram s | inverse s | fit s | all n s | inverse GFLOP/s | dgemm GFLOP/s | of dgemm | model in memory |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String set : List.of("ml-100k", "ml-latest-small")) {
            Dataset d = Compare.movieLens(data, set);
            InteractionMatrix.Builder b = InteractionMatrix.builder(d.numUsers(), d.numItems());
            for (int k = 0; k < d.size(); k++) {
                if (!(d.value(k) < 4)) {
                    b.add(d.user(k), d.item(k), 1f);
                }
            }
            InteractionMatrix x = b.build().binarized();
            double bestGram = Double.MAX_VALUE;
            double bestInv = Double.MAX_VALUE;
            double bestFit = Double.MAX_VALUE;
            double bestRef = Double.MAX_VALUE;
            for (int rep = 0; rep < 3; rep++) {
                bestRef = Math.min(bestRef, referenceDgemm());
                long t0 = System.nanoTime();
                double[] g = EaseModel.gram(x);
                long t1 = System.nanoTime();
                EaseModel.fit(g, x.numItems(), cf.easeLambda(), cf.easeDropout());
                long t2 = System.nanoTime();
                bestGram = Math.min(bestGram, (t1 - t0) / 1e9);
                bestInv = Math.min(bestInv, (t2 - t1) / 1e9);
                bestFit = Math.min(bestFit, (t2 - t0) / 1e9);
            }
            int n = x.numItems();
            boolean[] has = new boolean[n];
            for (int u = 0; u < x.numUsers(); u++) {
                for (int i : x.items(u)) {
                    has[i] = true;
                }
            }
            int m = 0;
            for (boolean h : has) {
                m += h ? 1 : 0;
            }
            double whole = wholeInverse(x, cf.easeLambda(), cf.easeDropout());
            double refRate = 2.0 * REF * REF * REF / bestRef / 1e9;
            double invRate = (double) m * m * m / bestInv / 1e9;
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f | %,.0f MB (n² floats) |%n", set, x.numUsers(), n,
                    m, x.nnz(), bestGram, bestInv, bestFit, whole, invRate, refRate, invRate / refRate, 4.0 * n * n / 1e6));
            System.err.printf(Locale.ROOT, "EASE %s: %.2f s%n", set, bestFit);
        }

        if (easeOnly) {
            System.out.println(md);
            return;
        }

        // iALS vs Spark ALS on the synthetic set
        long g0 = System.nanoTime();
        Synthetic syn = Synthetic.generate(Synthetic.Params.defaults());
        System.err.printf(Locale.ROOT, "synthetic set generated in %.1f s%n", (System.nanoTime() - g0) / 1e9);
        md.append("\n### iALS against Spark MLlib ALS\n\nData: `bench/run Synthetic` — ").append(syn.describe()).append("\n\n")
                .append(String.format(Locale.ROOT, "Candor: `IalsModel.train`, %d factors, %d iterations, α %s, λ %s, ν %s, %d conjugate-gradient steps per row and sweep, ",
                        ials.factors(), iterations, fmt(ials.alpha()), fmt(ials.lambda()), fmt(ials.nu()), 3))
                .append("common fork-join pool (2 threads). Spark: MLlib `ALS` 4.1, implicit, rank ").append(ials.factors())
                .append(", the same iterations, α ").append(fmt(ials.alpha())).append(", regParam 0.1, 4 blocks, `local[*]` (2 threads), ")
                .append("input built in 4 partitions from a broadcast of the generated arrays and cached before timing; timed: `ALS.fit` until both factor sets are materialized. ")
                .append("Seconds per iteration = fit seconds / iterations (fit includes each side's setup: transpose and Gram for Candor, ")
                .append("blocking and shuffles for Spark). Spark runs once per size.\n\n")
                .append("Candor is timed twice, before and after Spark (the load on the shared machine changes over minutes), and the better run is used; ")
                .append("*CPU s* is the process's CPU time during the fit (for Candor the lower of its two readings; Spark's driver and executor threads are in the same JVM), ")
                .append("a steadier measure of the work on a shared machine than wall-clock seconds.\n\n")
                .append("| data | users | items | events | Candor fit s (before / after Spark) | Candor s/iteration | Spark fit s | Spark s/iteration | Candor/Spark time | Candor faster by | Candor CPU s | Spark CPU s | faster by, CPU |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        try (SparkAls spark = new SparkAls(ials.factors(), iterations, 0.1, ials.alpha())) {
            List<double[]> measured = new ArrayList<>(); // events, Candor s, Spark s
            List<int[]> sizes = new ArrayList<>();
            sizes.add(new int[] {Math.min(subsampleUsers, syn.numUsers())});
            if (subsampleUsers < syn.numUsers()) {
                sizes.add(new int[] {syn.numUsers()});
            }
            for (int[] size : sizes) {
                int users = size[0];
                InteractionMatrix x = syn.firstUsers(users);
                String label = users == syn.numUsers() ? "whole synthetic set" : String.format(Locale.ROOT, "first %,d users (uniform subsample)", users);
                System.err.printf(Locale.ROOT, "%s: %,d events%n", label, x.nnz());
                double[] first = timeCandor(x, ials);
                System.err.printf(Locale.ROOT, "  Candor iALS %.1f s (%.2f s/iteration), CPU %.1f s%n", first[0], first[0] / iterations, first[1]);
                org.apache.spark.sql.Dataset<Row> df = sparkRatings(spark.session(), syn, users).cache();
                long rows = df.count();
                long c0 = CPU.getProcessCpuTime();
                double sp = spark.timeFit(df, sparkTimeout);
                double spCpu = (CPU.getProcessCpuTime() - c0) / 1e9;
                df.unpersist(true);
                System.err.printf(Locale.ROOT, "  Spark ALS %s, CPU %.1f s%n", Double.isNaN(sp) ? "did not finish in " + sparkTimeout + " s" : String.format(Locale.ROOT, "%.1f s", sp), spCpu);
                double[] second = timeCandor(x, ials);
                System.err.printf(Locale.ROOT, "  Candor iALS again %.1f s, CPU %.1f s%n", second[0], second[1]);
                x = null;
                double candor = Math.min(first[0], second[0]);
                double candorCpu = Math.min(first[1], second[1]);
                String sparkFit = Double.isNaN(sp) ? "> " + sparkTimeout + " (stopped)" : String.format(Locale.ROOT, "%.1f", sp);
                String sparkIt = Double.isNaN(sp) ? "> " + String.format(Locale.ROOT, "%.1f", (double) sparkTimeout / iterations)
                        : String.format(Locale.ROOT, "%.2f", sp / iterations);
                String ratio = Double.isNaN(sp) ? "< " + String.format(Locale.ROOT, "%.3f", candor / sparkTimeout) : String.format(Locale.ROOT, "%.3f", candor / sp);
                String faster = Double.isNaN(sp) ? "> " + String.format(Locale.ROOT, "%.1f×", sparkTimeout / candor) : String.format(Locale.ROOT, "**%.1f×**", sp / candor);
                md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f / %.1f | %.2f | %s | %s | %s | %s | %.1f | %s | %s |%n", label, users, syn.numItems(), rows,
                        first[0], second[0], candor / iterations, sparkFit, sparkIt, ratio, faster, candorCpu,
                        Double.isNaN(sp) ? "—" : String.format(Locale.ROOT, "%.1f", spCpu),
                        Double.isNaN(sp) ? "—" : String.format(Locale.ROOT, "%.1f×", spCpu / candorCpu)));
                measured.add(new double[] {rows, candor, sp, candorCpu, spCpu});
            }
            if (measured.size() == 2 && !Double.isNaN(measured.get(0)[2]) && !Double.isNaN(measured.get(1)[2])) {
                double[] small = measured.get(0);
                double[] big = measured.get(1);
                md.append(String.format(Locale.ROOT, "%nFrom the subsample to the whole set (%.1f× the events) Candor's fit time grew %.1f× and Spark's %.1f× "
                                + "(CPU time: %.1f× and %.1f×).%n", big[0] / small[0], big[1] / small[1], big[2] / small[2], big[3] / small[3], big[4] / small[4]));
            }
        }
        md.append(String.format(Locale.ROOT, "%nLoad average at the end: %.1f.%n", loadAverage()));
        System.out.println(md);
        Sections.write(docs, "training", "Training", md.toString());
    }

    /**
     * {@return the (user, item, 1) rows of the first {@code users} users as a data frame in 4 partitions}
     * Built from a broadcast of the generated arrays rather than read from a file: Hadoop's file
     * system calls {@code Subject.getSubject}, which JDK 25 no longer supports.
     */
    static org.apache.spark.sql.Dataset<Row> sparkRatings(SparkSession s, Synthetic syn, int users) {
        org.apache.spark.api.java.JavaSparkContext jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(s.sparkContext());
        int[] ptr = new int[users + 1];
        for (int u = 0; u <= users; u++) {
            ptr[u] = syn.rowStart(u); // rowStart(numUsers) is the end of the last row
        }
        int[] items = new int[ptr[users]];
        for (int k = 0; k < items.length; k++) {
            items[k] = syn.item(k);
        }
        var bPtr = jsc.broadcast(ptr);
        var bItems = jsc.broadcast(items);
        int parts = 4;
        org.apache.spark.api.java.JavaRDD<Row> rdd = jsc.parallelize(List.of(0, 1, 2, 3), parts).flatMap(part -> {
            int[] p = bPtr.value();
            int[] it = bItems.value();
            List<Row> out = new ArrayList<>();
            for (int u = part; u < p.length - 1; u += parts) {
                for (int q = p[u]; q < p[u + 1]; q++) {
                    out.add(org.apache.spark.sql.RowFactory.create(u, it[q], 1.0f));
                }
            }
            return out.iterator();
        });
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("user", org.apache.spark.sql.types.DataTypes.IntegerType).add("item", org.apache.spark.sql.types.DataTypes.IntegerType)
                .add("rating", org.apache.spark.sql.types.DataTypes.FloatType);
        return s.createDataFrame(rdd, schema);
    }

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** {@return wall-clock and process CPU seconds of one {@code IalsModel.train}} */
    static double[] timeCandor(InteractionMatrix x, IalsModel.Params p) {
        long c0 = CPU.getProcessCpuTime();
        long t0 = System.nanoTime();
        IalsModel.train(x, p);
        return new double[] {(System.nanoTime() - t0) / 1e9, (CPU.getProcessCpuTime() - c0) / 1e9};
    }

    /**
     * {@return seconds to invert EASE's whole penalized n × n Gram, untouched items included} (LAPACK
     * {@code dpotrf} + {@code dpotri}, as {@link EaseModel#fit} did before it left those items out): the
     * same-run baseline of the fit's inverse.
     */
    static double wholeInverse(InteractionMatrix x, double lambda, double dropout) {
        int n = x.numItems();
        double[] p = EaseModel.gram(x);
        for (int i = 0; i < n; i++) {
            p[i * n + i] += lambda + dropout / (1 - dropout) * p[i * n + i];
        }
        org.netlib.util.intW info = new org.netlib.util.intW(0);
        dev.ludovic.netlib.lapack.LAPACK lapack = dev.ludovic.netlib.lapack.LAPACK.getInstance();
        long t0 = System.nanoTime();
        lapack.dpotrf("U", n, p, n, info);
        lapack.dpotri("U", n, p, n, info);
        double s = (System.nanoTime() - t0) / 1e9;
        if (info.val != 0) {
            throw new ArithmeticException("whole inverse failed: info " + info.val);
        }
        return s;
    }

    /** Size of the reference {@code dgemm}. */
    static final int REF = 2000;

    /** {@return seconds of one REF × REF {@code dgemm} (C = A B) through the BLAS EASE and iALS use} */
    static double referenceDgemm() {
        double[] a = new double[REF * REF];
        double[] b = new double[REF * REF];
        double[] c = new double[REF * REF];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int k = 0; k < a.length; k++) {
            a[k] = rnd.nextDouble();
            b[k] = rnd.nextDouble();
        }
        long t0 = System.nanoTime();
        dev.ludovic.netlib.blas.BLAS.getInstance().dgemm("N", "N", REF, REF, REF, 1.0, a, 0, REF, b, 0, REF, 0.0, c, 0, REF);
        return (System.nanoTime() - t0) / 1e9;
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
