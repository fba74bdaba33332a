package dev.candor.recommend.source;

import dev.candor.recommend.InteractionMatrix;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import org.netlib.util.intW;

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): the item-item weight
 * matrix {@code B = I − P · diagMat(1 / diag(P))} with {@code P = (XᵀX + λI)⁻¹}, so {@code diag(B) = 0}.
 * A user's score for item j is linear in their history: {@code s(j) = Σ_{i ∈ h} w(i) · B[i][j]}, and
 * each history item's contribution {@code w(i) · B[i][j]} is exact (it can be negative: an item can
 * speak against another).
 *
 * <p>With a dropout rate {@code p > 0} the penalty is the one of EDLAE (Steck 2020, "Autoencoders that
 * don't overfit towards the Identity", the emphasized denoising linear autoencoder): item i's
 * diagonal gets {@code λ + p / (1 − p) · XᵀX[i][i]} instead of λ, so popular items are regularized
 * more; the zero diagonal and the exact per-history-item decomposition are unchanged. {@code p = 0}
 * is plain EASE.
 *
 * <p>The inverse is computed by LAPACK ({@code dpotrf}/{@code dpotri}, Cholesky) through
 * dev.ludovic.netlib, which uses the native OpenBLAS when {@code libopenblas0-pthread} is installed
 * and a Java implementation otherwise. Memory: n² doubles while fitting, n² floats after.
 * Immutable and thread-safe once built.
 */
public final class EaseModel {
    public static final EaseModel EMPTY = new EaseModel(0, new float[0]);

    private final int n;
    private final float[] b; // row-major: b[i * n + j] = B[i][j]

    private EaseModel(int n, float[] b) {
        this.n = n;
        this.b = b;
    }

    /**
     * Fits on the rows of {@code x} (each row a user's items; values are ignored: binary).
     *
     * @param lambda L2 regularization (Steck uses a few hundred for MovieLens-sized data)
     */
    public static EaseModel fit(InteractionMatrix x, double lambda) {
        return fit(gram(x), x.numItems(), lambda);
    }

    /**
     * Fits EDLAE on the rows of {@code x}: EASE with the dropout-emphasis penalty (see the class comment).
     *
     * @param dropout the dropout rate p, in [0, 1); 0 is plain EASE
     */
    public static EaseModel fit(InteractionMatrix x, double lambda, double dropout) {
        return fit(gram(x), x.numItems(), lambda, dropout);
    }

    /** Fits from a precomputed Gram matrix {@code XᵀX} (n × n, symmetric; it is overwritten). */
    public static EaseModel fit(double[] gram, int n, double lambda) {
        return fit(gram, n, lambda, 0);
    }

    /**
     * Fits from a precomputed Gram matrix {@code XᵀX} (n × n, symmetric; it is overwritten) with
     * dropout rate {@code dropout} (0: plain EASE).
     */
    public static EaseModel fit(double[] gram, int n, double lambda, double dropout) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be > 0. Provided value: " + lambda);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1). Provided value: " + dropout);
        }
        if (n == 0) {
            return EMPTY;
        }
        double[] p = gram;
        double emphasis = dropout / (1 - dropout);
        for (int i = 0; i < n; i++) {
            p[i * n + i] += lambda + emphasis * p[i * n + i];
        }
        intW info = new intW(0);
        LAPACK lapack = LAPACK.getInstance();
        lapack.dpotrf("U", n, p, n, info);
        if (info.val != 0) {
            throw new ArithmeticException("Cholesky factorization failed (dpotrf info " + info.val + ")");
        }
        lapack.dpotri("U", n, p, n, info);
        if (info.val != 0) {
            throw new ArithmeticException("inversion failed (dpotri info " + info.val + ")");
        }
        // Column-major upper triangle holds P; P is symmetric, so P[i][j] = p[min * n + max] in our indexing.
        float[] b = new float[n * n];
        for (int j = 0; j < n; j++) {
            double pjj = p[j * n + j];
            for (int i = 0; i < n; i++) {
                if (i == j) {
                    continue;
                }
                double pij = i <= j ? p[j * n + i] : p[i * n + j];
                b[i * n + j] = (float) (-pij / pjj);
            }
        }
        return new EaseModel(n, b);
    }

    /** {@return XᵀX of the binarized rows, n × n, as doubles} */
    public static double[] gram(InteractionMatrix x) {
        int n = x.numItems();
        double[] g = new double[Math.multiplyExact(n, n)];
        for (int u = 0; u < x.numUsers(); u++) {
            int[] items = x.items(u);
            for (int a = 0; a < items.length; a++) {
                int i = items[a];
                int row = i * n;
                for (int c = 0; c < items.length; c++) {
                    g[row + items[c]] += 1;
                }
            }
        }
        return g;
    }

    public int numItems() {
        return n;
    }

    /** {@return B[i][j]: how much a history item i adds to item j's score} */
    public float weight(int i, int j) {
        return b[i * n + j];
    }

    /** Adds {@code w · B[i][·]} into {@code out} for each history item i with weight w. */
    public void score(int[] history, float[] weights, float[] out) {
        for (int k = 0; k < history.length; k++) {
            int row = history[k] * n;
            float w = weights == null ? 1f : weights[k];
            for (int j = 0; j < n; j++) {
                out[j] += w * b[row + j];
            }
        }
    }

    /** {@return a copy of row i of B} */
    public float[] row(int i) {
        return Arrays.copyOfRange(b, i * n, (i + 1) * n);
    }
}
