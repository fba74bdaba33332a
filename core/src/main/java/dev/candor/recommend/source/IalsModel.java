package dev.candor.recommend.source;

import dev.candor.recommend.InteractionMatrix;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008) with the tuning advice of Rendle et al. 2021:
 * confidence {@code c = 1 + α} on observed items, preference 1, unobserved items weight 1 with
 * preference 0, L2 regularization λ. Training alternates least-squares updates of users and items,
 * each row in parallel, reusing the Gram {@code YᵀY} of the fixed side; each row's system is solved by
 * warm-started conjugate gradient (Takács et al. 2011), O(f² + n_u f) per step.
 *
 * <p>Only item factors are kept. A user is folded in at request time from their current history,
 * {@code x = (YᵀY + α Σ_{i∈h} y_i y_iᵀ + λI)⁻¹ (1 + α) Σ_{i∈h} y_i}, so a new event counts at once.
 * The score is then linear in the history (§5 of Hu et al.): with {@code W = (YᵀC_uY + λI)⁻¹},
 * {@code s(j) = Σ_{i∈h} c_i · y_jᵀ W y_i}, and {@link #contributions} returns those terms, which add
 * up to the score exactly. Immutable and thread-safe once trained.
 */
public final class IalsModel {
    private final int n;
    private final int f;
    private final double alpha;
    private final double lambda;
    private final float[] y;      // n × f item factors, row-major
    private final double[] gram;  // f × f YᵀY

    private IalsModel(int n, int f, double alpha, double lambda, float[] y) {
        this.n = n;
        this.f = f;
        this.alpha = alpha;
        this.lambda = lambda;
        this.y = y;
        this.gram = gram(y, n, f);
    }

    /** Hyper-parameters. */
    public record Params(int factors, int iterations, double alpha, double lambda, long seed) {
        public Params {
            if (factors < 1 || iterations < 1 || !(alpha > 0) || !(lambda > 0)) {
                throw new IllegalArgumentException("factors and iterations must be >= 1, alpha and lambda > 0");
            }
        }

        public static Params defaults() {
            return new Params(64, 15, 2.0, 10.0, 42);
        }
    }

    /** Trains on the binarized rows of {@code x}. */
    public static IalsModel train(InteractionMatrix x, Params p) {
        int n = x.numItems();
        int m = x.numUsers();
        int f = p.factors();
        SplittableRandom rnd = new SplittableRandom(p.seed());
        float[] items = new float[n * f];
        float[] users = new float[m * f];
        double scale = 1.0 / Math.sqrt(f);
        for (int k = 0; k < items.length; k++) {
            items[k] = (float) (rnd.nextGaussian() * scale * 0.1);
        }
        InteractionMatrix xt = x.transpose();
        for (int it = 0; it < p.iterations(); it++) {
            sweep(x, items, users, f, p);
            sweep(xt, users, items, f, p);
        }
        return new IalsModel(n, f, p.alpha(), p.lambda(), items);
    }

    /**
     * Updates every row of {@code rows} in {@code out} given the fixed factors, by a few steps of
     * conjugate gradient warm-started from the row's current factors (Takács, Pilászy &amp; Tikk 2011):
     * each step needs {@code (YᵀY + α Σ_{i∈row} y_i y_iᵀ + λI) v}, computed as {@code G v + α Σ y_i (y_iᵀ v) + λ v}
     * in O(f² + n_row f) instead of forming and factoring the matrix in O(n_row f² + f³).
     */
    private static void sweep(InteractionMatrix rows, float[] fixed, float[] out, int f, Params p) {
        int nFixed = fixed.length / f;
        double[] g = gram(fixed, nFixed, f);
        IntStream.range(0, rows.numUsers()).parallel().forEach(r -> conjugateGradient(rows.items(r), fixed, f, g, p.alpha(), p.lambda(),
                out, r * f, CG_STEPS));
    }

    /** Conjugate-gradient steps per row and sweep: enough when warm-started (Takács et al. report 3). */
    static final int CG_STEPS = 3;

    private static void conjugateGradient(int[] items, float[] y, int f, double[] g, double alpha, double lambda, float[] x, int off,
                                          int steps) {
        double[] xs = new double[f];
        for (int k = 0; k < f; k++) {
            xs[k] = x[off + k];
        }
        double[] ax = new double[f];
        multiply(items, y, f, g, alpha, lambda, xs, ax);
        double[] res = new double[f];
        for (int i : items) {
            int base = i * f;
            for (int k = 0; k < f; k++) {
                res[k] += (1 + alpha) * y[base + k];
            }
        }
        for (int k = 0; k < f; k++) {
            res[k] -= ax[k];
        }
        double[] dir = res.clone();
        double rr = dot(res, res);
        double[] ad = new double[f];
        for (int step = 0; step < steps && rr > 1e-20; step++) {
            multiply(items, y, f, g, alpha, lambda, dir, ad);
            double a = rr / dot(dir, ad);
            for (int k = 0; k < f; k++) {
                xs[k] += a * dir[k];
                res[k] -= a * ad[k];
            }
            double next = dot(res, res);
            double beta = next / rr;
            for (int k = 0; k < f; k++) {
                dir[k] = res[k] + beta * dir[k];
            }
            rr = next;
        }
        for (int k = 0; k < f; k++) {
            x[off + k] = (float) xs[k];
        }
    }

    /** out = (G + α Σ_{i∈items} y_i y_iᵀ + λI) v */
    private static void multiply(int[] items, float[] y, int f, double[] g, double alpha, double lambda, double[] v, double[] out) {
        for (int r = 0; r < f; r++) {
            double s = lambda * v[r];
            int row = r * f;
            for (int c = 0; c < f; c++) {
                s += g[row + c] * v[c];
            }
            out[r] = s;
        }
        for (int i : items) {
            int base = i * f;
            double yv = 0;
            for (int k = 0; k < f; k++) {
                yv += y[base + k] * v[k];
            }
            double w = alpha * yv;
            for (int k = 0; k < f; k++) {
                out[k] += w * y[base + k];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** Fills a = YᵀY + α Σ y yᵀ + λI (factored) and b = the row's factors. */
    private static void solveRow(int[] items, float[] fixed, int f, double[] g, double alpha, double lambda, double[] a, double[] b) {
        System.arraycopy(g, 0, a, 0, f * f);
        java.util.Arrays.fill(b, 0);
        for (int i : items) {
            int base = i * f;
            for (int r = 0; r < f; r++) {
                double yr = fixed[base + r];
                b[r] += (1 + alpha) * yr;
                double ayr = alpha * yr;
                int row = r * f;
                for (int c = 0; c <= r; c++) {
                    a[row + c] += ayr * fixed[base + c];
                }
            }
        }
        for (int r = 0; r < f; r++) {
            a[r * f + r] += lambda;
            for (int c = 0; c < r; c++) {
                a[c * f + r] = a[r * f + c];
            }
        }
        DenseSolver.cholesky(a, f);
        DenseSolver.solve(a, f, b);
    }

    private static double[] gram(float[] v, int rows, int f) {
        double[] g = new double[f * f];
        for (int i = 0; i < rows; i++) {
            int base = i * f;
            for (int r = 0; r < f; r++) {
                double vr = v[base + r];
                if (vr == 0) {
                    continue;
                }
                for (int c = 0; c <= r; c++) {
                    g[r * f + c] += vr * v[base + c];
                }
            }
        }
        for (int r = 0; r < f; r++) {
            for (int c = 0; c < r; c++) {
                g[c * f + r] = g[r * f + c];
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

    /** A user folded in from their history: the factored system and the user's factors. */
    public final class FoldIn {
        private final int[] history;
        private final double[] chol;
        private final double[] x;

        private FoldIn(int[] history) {
            this.history = history.clone();
            this.chol = new double[f * f];
            this.x = new double[f];
            solveRow(history, y, f, gram, alpha, lambda, chol, x);
        }

        /** Writes every item's score into {@code out}. */
        public void score(float[] out) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                int base = j * f;
                for (int k = 0; k < f; k++) {
                    s += x[k] * y[base + k];
                }
                out[j] = (float) s;
            }
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
            DenseSolver.solve(chol, f, v); // v = W y_j (W symmetric)
            double[] out = new double[history.length];
            for (int h = 0; h < history.length; h++) {
                double s = 0;
                int base = history[h] * f;
                for (int k = 0; k < f; k++) {
                    s += v[k] * y[base + k];
                }
                out[h] = (1 + alpha) * s;
            }
            return out;
        }
    }

    /** Folds in a user with these (distinct) history items. */
    public FoldIn foldIn(int[] history) {
        return new FoldIn(history);
    }
}
