package dev.candor.recommend.source;

import dev.candor.recommend.InteractionMatrix;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Implicit-feedback ALS (Hu, Koren &amp; Volinsky 2008) with the tuning advice of Rendle et al. 2021:
 * confidence {@code c = 1 + α} on observed items, preference 1, unobserved items weight 1 with
 * preference 0, L2 regularization λ. Training alternates exact least-squares solves for users and
 * items, each row in parallel, reusing the Gram {@code YᵀY} of the fixed side (so a row costs
 * O(n_u f² + f³)).
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

    /** Solves every row of {@code rows} for {@code out} given the fixed factors. */
    private static void sweep(InteractionMatrix rows, float[] fixed, float[] out, int f, Params p) {
        int nFixed = fixed.length / f;
        double[] g = gram(fixed, nFixed, f);
        IntStream.range(0, rows.numUsers()).parallel().forEach(r -> {
            double[] a = new double[f * f];
            double[] b = new double[f];
            solveRow(rows.items(r), fixed, f, g, p.alpha(), p.lambda(), a, b);
            for (int k = 0; k < f; k++) {
                out[r * f + k] = (float) b[k];
            }
        });
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
