package dev.candor.recommend.source;

import dev.candor.recommend.InteractionMatrix;
import dev.ludovic.netlib.blas.BLAS;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008) with the regularization of Rendle et al. 2021
 * ("Revisiting the Performance of iALS on Item Recommendation Benchmarks"): confidence
 * {@code c = 1 + α} on observed items, preference 1, unobserved items weight 1 with preference 0, and
 * an L2 penalty {@code λ_r = λ · (Σ_i c_ri)^ν = λ · (α n_r + N)^ν} on each row's factors, where
 * {@code n_r} is the row's number of observed items and {@code N} the number of rows on the other side
 * (so {@code Σ_i c_ri} is the row's total confidence; ν = 0 is the classic constant λ, ν = 1 scales the
 * penalty with the row's weight in the loss, as Rendle et al. recommend). Training alternates
 * least-squares updates of users and items, each row in parallel, reusing the Gram {@code YᵀY} of the
 * fixed side; each row's system is solved by warm-started conjugate gradient (Takács et al. 2011),
 * O(f² + n_r f) per step. On ml-100k and ml-latest-small three steps give the accuracy of exact
 * Cholesky solves (docs/evaluation.md).
 *
 * <p>Only item factors are kept. A user is folded in at request time from their current history,
 * {@code x = (YᵀY + α Σ_{i∈h} y_i y_iᵀ + λ_h I)⁻¹ (1 + α) Σ_{i∈h} y_i} with
 * {@code λ_h = λ · (α |h| + n)^ν}, so a new event counts at once. The score is then linear in the
 * history (§5 of Hu et al.): with {@code W = (YᵀC_uY + λ_h I)⁻¹}, {@code s(j) = Σ_{i∈h} c_i · y_jᵀ W y_i},
 * and {@link FoldIn#contributions} returns those terms, which add up to the score exactly. Immutable
 * and thread-safe once trained.
 */
public final class IalsModel {
    private final int n;
    private final int f;
    private final double alpha;
    private final Params params;
    private final float[] y;      // n × f item factors, row-major
    private final float[] yt;     // f × n the same factors, factor-major: scoring every item runs along contiguous rows
    private final double[] gram;  // f × f YᵀY

    private IalsModel(int n, int f, Params params, float[] y) {
        this.n = n;
        this.f = f;
        this.alpha = params.alpha();
        this.params = params;
        this.y = y;
        this.yt = new float[y.length];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < f; k++) {
                yt[k * n + j] = y[j * f + k];
            }
        }
        double[] yd = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            yd[k] = y[k];
        }
        this.gram = gram(yd, n, f);
    }

    /**
     * Hyper-parameters.
     *
     * @param factors    latent dimension f
     * @param iterations alternating sweeps (users then items)
     * @param alpha      confidence on observed items is {@code 1 + alpha}
     * @param lambda     L2 penalty scale
     * @param nu         exponent of the frequency scaling of the penalty, {@code λ · (α n_r + N)^ν} (0: constant λ)
     * @param seed       seed of the item factors' initialization
     */
    public record Params(int factors, int iterations, double alpha, double lambda, double nu, long seed) {
        public Params {
            if (factors < 1 || iterations < 1 || !(alpha > 0) || !(lambda > 0) || !(nu >= 0) || Double.isInfinite(nu)) {
                throw new IllegalArgumentException("factors and iterations must be >= 1, alpha and lambda > 0, nu >= 0");
            }
        }

        /** Constant regularization (ν = 0). */
        public Params(int factors, int iterations, double alpha, double lambda, long seed) {
            this(factors, iterations, alpha, lambda, 0, seed);
        }

        public static Params defaults() {
            return new Params(64, 15, 2.0, 10.0, 42);
        }

        /** {@return these parameters with another seed} */
        public Params withSeed(long s) {
            return new Params(factors, iterations, alpha, lambda, nu, s);
        }

        /** {@return the penalty of a row with {@code observed} items when the other side has {@code others} rows} */
        public double penalty(int observed, int others) {
            return nu == 0 ? lambda : lambda * Math.pow(alpha * observed + others, nu);
        }
    }

    /** Trains on the binarized rows of {@code x}. */
    public static IalsModel train(InteractionMatrix x, Params p) {
        int n = x.numItems();
        int m = x.numUsers();
        int f = p.factors();
        SplittableRandom rnd = new SplittableRandom(p.seed());
        double[] items = new double[n * f];
        double[] users = new double[m * f];
        double scale = 1.0 / Math.sqrt(f);
        for (int k = 0; k < items.length; k++) {
            items[k] = rnd.nextGaussian() * scale * 0.1;
        }
        InteractionMatrix xt = x.transpose();
        for (int it = 0; it < p.iterations(); it++) {
            sweep(x, items, n, users, f, p);
            sweep(xt, users, m, items, f, p);
        }
        float[] y = new float[items.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = (float) items[k];
        }
        return new IalsModel(n, f, p, y);
    }

    /** Rows handled per parallel task. */
    private static final int CHUNK = 64;
    private static final BLAS BLAS_ = BLAS.getInstance();
    /**
     * The request path's BLAS: the Java implementation (vectorized when the JVM runs with
     * {@code --add-modules jdk.incubator.vector}, as the launcher does). Not the native OpenBLAS that
     * training uses: its pthreads build spreads each call over every core and, called from many
     * request threads at once, spends more time contending for them than computing (385 req/s on
     * ml-latest-small against 1,405 with one OpenBLAS thread, bench/run Wrk ml-latest-small).
     */
    private static final BLAS REQUEST_BLAS = dev.ludovic.netlib.blas.JavaBLAS.getInstance();

    /**
     * Updates every row of {@code rows} in {@code out} given the fixed factors, by {@link #CG_STEPS} steps
     * of conjugate gradient warm-started from the rows' current factors (Takács, Pilászy &amp; Tikk 2011).
     * Each step needs {@code A_r d_r = (G + α Σ_{i∈r} y_i y_iᵀ + λ_r I) d_r} for every row r. The dense
     * part {@code G d_r} is computed for all rows at once as one matrix product (BLAS {@code dgemm}
     * through dev.ludovic.netlib: native OpenBLAS when installed), the sparse part row by row in
     * parallel in O(n_r f); no row's f × f system is ever formed.
     */
    private static void sweep(InteractionMatrix rows, double[] fixed, int nFixed, double[] x, int f, Params p) {
        int count = rows.numUsers();
        if (count == 0) {
            return;
        }
        double[] g = gram(fixed, nFixed, f);
        double alpha = p.alpha();
        int[] cols = rows.colIndex();
        double[] res = new double[count * f];
        double[] dir = new double[count * f];
        double[] ad = new double[count * f];
        double[] rr = new double[count];
        double[] lambda = new double[count];
        int tasks = (count + CHUNK - 1) / CHUNK;
        // res = b − A x with b = (1 + α) Σ y_i, i.e. Σ_i ((1 + α) − α y_iᵀx) y_i − G x − λ x: one pass over the
        // row's items (ad holds G x here; the steps overwrite it); dir = res
        IntStream.range(0, tasks).parallel().forEach(t -> {
            denseProduct(g, x, ad, t, count, f);
            for (int r = t * CHUNK, end = Math.min(count, r + CHUNK); r < end; r++) {
                int from = rows.rowStart(r);
                int to = rows.rowEnd(r);
                int off = r * f;
                double l = p.penalty(to - from, nFixed);
                lambda[r] = l;
                rowTerms(cols, from, to, fixed, f, -alpha, 1 + alpha, x, off, res);
                double s = 0;
                for (int k = off; k < off + f; k++) {
                    res[k] -= ad[k] + l * x[k];
                    dir[k] = res[k];
                    s += res[k] * res[k];
                }
                rr[r] = s;
            }
        });
        for (int step = 0; step < CG_STEPS; step++) {
            IntStream.range(0, tasks).parallel().forEach(t -> {
                denseProduct(g, dir, ad, t, count, f);
                for (int r = t * CHUNK, end = Math.min(count, r + CHUNK); r < end; r++) {
                    if (!(rr[r] > 1e-20)) {
                        continue; // converged (or empty): x stays
                    }
                    int from = rows.rowStart(r);
                    int to = rows.rowEnd(r);
                    int off = r * f;
                    sparse(cols, from, to, fixed, f, alpha, lambda[r], dir, off, ad);
                    double dad = dot(dir, off, ad, off, f);
                    double a = rr[r] / dad;
                    double next = 0;
                    for (int k = off; k < off + f; k++) {
                        x[k] += a * dir[k];
                        res[k] -= a * ad[k];
                        next += res[k] * res[k];
                    }
                    double beta = next / rr[r];
                    for (int k = off; k < off + f; k++) {
                        dir[k] = res[k] + beta * dir[k];
                    }
                    rr[r] = next;
                }
            });
        }
    }

    /**
     * out = G v for the rows of task {@code t} (v, out row-major, {@link #CHUNK} rows per task): one small
     * {@code dgemm}, small enough that OpenBLAS runs it on the calling thread (the tasks are the parallelism).
     */
    private static void denseProduct(double[] g, double[] v, double[] out, int t, int count, int f) {
        int first = t * CHUNK;
        int rows = Math.min(count, first + CHUNK) - first;
        // row-major rows × f read column-major is f × rows; G is symmetric
        BLAS_.dgemm("N", "N", f, rows, f, 1.0, g, 0, f, v, first * f, f, 0.0, out, first * f, f);
    }

    /** Conjugate-gradient steps per row and sweep: enough when warm-started (Takács et al. report 3). */
    static final int CG_STEPS = 3;

    /**
     * out[off..off+f) += λ v[off..off+f) + α Σ_{i∈row} y_i (y_iᵀ v[off..off+f)): the row-specific part of
     * A_r v.
     */
    private static void sparse(int[] cols, int from, int to, double[] y, int f, double alpha, double lambda, double[] v, int off,
                               double[] out) {
        for (int k = 0; k < f; k++) {
            out[off + k] += lambda * v[off + k];
        }
        rowTerms(cols, from, to, y, f, alpha, 0, v, off, out);
    }

    /**
     * out[off..off+f) += Σ_{i∈row} (scale · y_iᵀ v[off..off+f) + shift) · y_i. Items are taken four at a
     * time: four independent dot products in one pass over v, then one fused update of out (fewer
     * dependent floating-point additions and a quarter of the passes over out).
     */
    private static void rowTerms(int[] cols, int from, int to, double[] y, int f, double scale, double shift, double[] v, int off,
                                 double[] out) {
        int q = from;
        for (; q + 3 < to; q += 4) {
            int b0 = cols[q] * f;
            int b1 = cols[q + 1] * f;
            int b2 = cols[q + 2] * f;
            int b3 = cols[q + 3] * f;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < f; k++) {
                double vk = v[off + k];
                s0 += y[b0 + k] * vk;
                s1 += y[b1 + k] * vk;
                s2 += y[b2 + k] * vk;
                s3 += y[b3 + k] * vk;
            }
            s0 = scale * s0 + shift;
            s1 = scale * s1 + shift;
            s2 = scale * s2 + shift;
            s3 = scale * s3 + shift;
            for (int k = 0; k < f; k++) {
                out[off + k] += s0 * y[b0 + k] + s1 * y[b1 + k] + s2 * y[b2 + k] + s3 * y[b3 + k];
            }
        }
        for (; q < to; q++) {
            int base = cols[q] * f;
            axpy(scale * dot(y, base, v, off, f) + shift, y, base, out, off, f);
        }
    }

    /** out[outOff..outOff+f) += a · v[off..off+f) */
    private static void axpy(double a, double[] v, int off, double[] out, int outOff, int f) {
        for (int k = 0; k < f; k++) {
            out[outOff + k] += a * v[off + k];
        }
    }

    /** Σ a[aOff+k]·b[bOff+k] with four independent sums (shortens the floating-point dependency chain). */
    private static double dot(double[] a, int aOff, double[] b, int bOff, int f) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < f; k += 4) {
            s0 += a[aOff + k] * b[bOff + k];
            s1 += a[aOff + k + 1] * b[bOff + k + 1];
            s2 += a[aOff + k + 2] * b[bOff + k + 2];
            s3 += a[aOff + k + 3] * b[bOff + k + 3];
        }
        for (; k < f; k++) {
            s0 += a[aOff + k] * b[bOff + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Fills a = YᵀY + α Σ y yᵀ + λI (its lower triangle, factored) and b = the row's solution, from the
     * row's item factors {@code hist} (row-major {@code count} × f: one history item's factors per row).
     */
    private static void solveRow(double[] hist, int count, int f, double[] g, double alpha, double lambda, double[] a, double[] b) {
        System.arraycopy(g, 0, a, 0, f * f);
        java.util.Arrays.fill(b, 0, f, 0);
        for (int k = 0, at = 0; k < count; k++, at += f) {
            for (int r = 0; r < f; r++) {
                b[r] += hist[at + r];
            }
        }
        for (int r = 0; r < f; r++) {
            b[r] *= 1 + alpha;
        }
        addLowerGram(hist, count, f, alpha, a);
        for (int r = 0; r < f; r++) {
            a[r * f + r] += lambda;
        }
        DenseSolver.cholesky(a, f);
        DenseSolver.solve(a, f, b);
    }

    /**
     * Adds {@code α HᵀH} to the lower triangle of {@code a} (row-major f × f; Cholesky reads no more),
     * H the {@code count} × f rows of {@code hist}: four rank-one updates per pass over a, each row's
     * update one contiguous loop from column 0 that the JIT vectorizes (half the work of a whole
     * {@code dgemm}, and faster than netlib's Java {@code dsyrk}, which is scalar).
     */
    static void addLowerGram(double[] hist, int count, int f, double alpha, double[] a) {
        int k = 0;
        for (; k + 4 <= count; k += 4) {
            int h0 = k * f;
            int h1 = h0 + f;
            int h2 = h1 + f;
            int h3 = h2 + f;
            for (int x = 0; x < f; x++) {
                double w0 = alpha * hist[h0 + x];
                double w1 = alpha * hist[h1 + x];
                double w2 = alpha * hist[h2 + x];
                double w3 = alpha * hist[h3 + x];
                int row = x * f;
                for (int y = 0; y <= x; y++) {
                    a[row + y] += w0 * hist[h0 + y] + w1 * hist[h1 + y] + w2 * hist[h2 + y] + w3 * hist[h3 + y];
                }
            }
        }
        for (; k < count; k++) {
            int h0 = k * f;
            for (int x = 0; x < f; x++) {
                double w0 = alpha * hist[h0 + x];
                int row = x * f;
                for (int y = 0; y <= x; y++) {
                    a[row + y] += w0 * hist[h0 + y];
                }
            }
        }
    }

    /**
     * {@return VᵀV (f × f) of the first {@code rows} rows of v (row-major rows × f)}, as sums of small
     * {@code dgemm}s over {@link #CHUNK}-row blocks, accumulated per parallel task
     */
    private static double[] gram(double[] v, int rows, int f) {
        int chunks = (rows + CHUNK - 1) / CHUNK;
        int tasks = Math.max(1, Math.min(chunks, 2 * java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()));
        double[][] parts = new double[tasks][];
        IntStream.range(0, tasks).parallel().forEach(t -> {
            double[] g = new double[f * f];
            for (int c = t; c < chunks; c += tasks) {
                int first = c * CHUNK;
                int n = Math.min(rows, first + CHUNK) - first;
                // the block read column-major is f × n (one column per row); B Bᵀ is its share of VᵀV
                BLAS_.dgemm("N", "T", f, f, n, 1.0, v, first * f, f, v, first * f, f, 1.0, g, 0, f);
            }
            parts[t] = g;
        });
        double[] g = parts[0];
        for (int t = 1; t < tasks; t++) {
            for (int k = 0; k < g.length; k++) {
                g[k] += parts[t][k];
            }
        }
        return g;
    }

    public int numItems() {
        return n;
    }

    public int factors() {
        return f;
    }

    /** A user folded in from their history: the factored system and the user's factors. Belongs to one request (not thread-safe). */
    public final class FoldIn {
        private final int count; // history items
        private final double[] hist; // the history's factors, one row per history item (row-major count × f)
        private final double[] chol;
        private double[] cholT; // chol transposed, made when the first item is explained
        private final double[] x;

        private FoldIn(int[] history) {
            this.count = history.length;
            this.hist = new double[history.length * f];
            for (int k = 0; k < history.length; k++) {
                for (int r = 0, from = history[k] * f, to = k * f; r < f; r++) {
                    hist[to + r] = y[from + r];
                }
            }
            this.chol = new double[f * f];
            this.x = new double[f];
            solveRow(hist, history.length, f, gram, alpha, params.penalty(history.length, n), chol, x);
        }

        /**
         * Writes every item's score into {@code out}, in float (one BLAS {@code sgemv}): for ranking. A
         * candidate's own score is {@link #score(int)}, in double.
         */
        public void score(float[] out) {
            float[] xf = new float[f];
            for (int k = 0; k < f; k++) {
                xf[k] = (float) x[k];
            }
            // yt row-major f × n is column-major n × f: out = Yt xf
            REQUEST_BLAS.sgemv("N", n, f, 1f, yt, n, xf, 1, 0f, out, 1);
        }

        public double score(int j) {
            double s = 0;
            for (int k = 0; k < f; k++) {
                s += x[k] * y[j * f + k];
            }
            return s;
        }

        /**
         * {@return per history item, its share of the score of item j: c · y_jᵀ W y_i} (aligned with the
         * history given to {@link #foldIn}); they add up to {@link #score(int)}.
         */
        public double[] contributions(int j) {
            double[] v = new double[f];
            for (int k = 0; k < f; k++) {
                v[k] = y[j * f + k];
            }
            // v = W y_j (W symmetric) from the Cholesky factor
            if (cholT == null) {
                cholT = DenseSolver.transposed(chol, f);
            }
            DenseSolver.solve(chol, cholT, f, v);
            double[] out = new double[count];
            if (count > 0) {
                // (1 + α) y_iᵀ v for each history item i: hist read column-major is f × count, one column per item
                REQUEST_BLAS.dgemv("T", f, count, 1 + alpha, hist, f, v, 1, 0.0, out, 1);
            }
            return out;
        }
    }

    /** Folds in a user with these (distinct) history items. */
    public FoldIn foldIn(int[] history) {
        return new FoldIn(history);
    }
}
