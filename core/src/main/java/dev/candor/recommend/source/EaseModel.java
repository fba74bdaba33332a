package dev.candor.recommend.source;

import dev.candor.recommend.InteractionMatrix;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
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
 * and a Java implementation otherwise, over the m items the data touches only (an item no one has gets
 * a zero row and column of B whatever is inverted, so it is left out of the inversion: (m/n)³ of the
 * work). Memory: n² doubles while fitting, n² floats after.
 *
 * <p><b>Pruned.</b> Fitted with {@code neighbours} below n − 1, each row of B keeps only its
 * {@code neighbours} entries of largest magnitude (the history item's strongest links, for and
 * against) and the rest are zero: a request then costs {@code |h| · neighbours} additions instead of
 * {@code |h| · n}, and the model holds {@code n · neighbours} weights twice (by row to score, by column
 * to explain one item) instead of n². The pruned matrix
 * <em>is</em> the model: scores and their per-history-item contributions both come from it, so
 * explanations still add up. Like the sparse approximations of Steck (2019, §3.3), it trades a little
 * accuracy for speed; docs/benchmarks.md measures how much ({@code bench/run EaseNeighbours}).
 * Immutable and thread-safe once built.
 */
public final class EaseModel {
    public static final EaseModel EMPTY = new EaseModel(0, new float[0]);

    private final int n;
    private final float[] b; // dense: row-major, b[i * n + j] = B[i][j]; null when pruned
    private final int[] start; // pruned: row i's entries are at [start[i], start[i + 1])
    private final int[] cols; // pruned: their columns, ascending within a row
    private final float[] vals; // pruned: their weights
    // pruned, the same weights by column: column j's are at [colStart[j], colStart[j + 1]) of colRows (rows
    // ascending) and colVals, so one item's terms are read without searching every history row
    private final int[] colStart;
    private final int[] colRows;
    private final float[] colVals;

    private EaseModel(int n, float[] b) {
        this.n = n;
        this.b = b;
        this.start = null;
        this.cols = null;
        this.vals = null;
        this.colStart = null;
        this.colRows = null;
        this.colVals = null;
    }

    private EaseModel(int n, int[] start, int[] cols, float[] vals) {
        this.n = n;
        this.b = null;
        this.start = start;
        this.cols = cols;
        this.vals = vals;
        this.colStart = new int[n + 1];
        for (int c : cols) {
            colStart[c + 1]++;
        }
        for (int j = 0; j < n; j++) {
            colStart[j + 1] += colStart[j];
        }
        int[] fill = Arrays.copyOf(colStart, n);
        this.colRows = new int[cols.length];
        this.colVals = new float[cols.length];
        for (int i = 0; i < n; i++) { // rows in order, so each column lists its rows ascending
            for (int q = start[i]; q < start[i + 1]; q++) {
                int at = fill[cols[q]]++;
                colRows[at] = i;
                colVals[at] = vals[q];
            }
        }
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

    /**
     * As {@link #fit(InteractionMatrix, double, double)}, pruned to {@code neighbours} weights per row
     * (see the class comment); {@code neighbours ≥ n − 1} keeps the whole matrix.
     */
    public static EaseModel fit(InteractionMatrix x, double lambda, double dropout, int neighbours) {
        return fit(gram(x), x.numItems(), lambda, dropout, neighbours);
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
        return fit(gram, n, lambda, dropout, Integer.MAX_VALUE);
    }

    /**
     * As {@link #fit(double[], int, double, double)}, keeping {@code neighbours} weights per row
     * ({@code ≥ n − 1}: all of them).
     */
    public static EaseModel fit(double[] gram, int n, double lambda, double dropout, int neighbours) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be > 0. Provided value: " + lambda);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1). Provided value: " + dropout);
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1. Provided value: " + neighbours);
        }
        if (n == 0) {
            return EMPTY;
        }
        // Items no row touches (no one in the data has them: their row and column of XᵀX are zero) make the
        // penalized Gram block-diagonal, and their block inverts to 1/λ alone, which leaves their rows and
        // columns of B zero. So only the m touched items are inverted: (m/n)³ of the work, the same B.
        int[] touched = touched(gram, n);
        int m = touched.length;
        double[] p = compact(gram, n, touched);
        double emphasis = dropout / (1 - dropout);
        for (int i = 0; i < m; i++) {
            p[i * m + i] += lambda + emphasis * p[i * m + i];
        }
        intW info = new intW(0);
        LAPACK lapack = LAPACK.getInstance();
        int lda = Math.max(1, m); // LAPACK refuses a leading dimension of 0, even for an empty matrix (no item touched: B is all zero)
        lapack.dpotrf("U", m, p, lda, info);
        if (info.val != 0) {
            throw new ArithmeticException("Cholesky factorization failed (dpotrf info " + info.val + ")");
        }
        lapack.dpotri("U", m, p, lda, info);
        if (info.val != 0) {
            throw new ArithmeticException("inversion failed (dpotri info " + info.val + ")");
        }
        // dpotri leaves P's upper triangle column-major: P[i][j] = p[max(i, j) * m + min(i, j)]. Mirror it, a
        // block at a time, so that row i of P is p[i * m, (i + 1) * m).
        final int block = 64;
        for (int ab = 0; ab < m; ab += block) {
            for (int bb = ab; bb < m; bb += block) {
                for (int a = ab; a < Math.min(ab + block, m); a++) {
                    for (int c = Math.max(bb, a + 1); c < Math.min(bb + block, m); c++) {
                        p[a * m + c] = p[c * m + a];
                    }
                }
            }
        }
        double[] diag = new double[m];
        for (int j = 0; j < m; j++) {
            diag[j] = p[j * m + j];
        }
        int[] at = new int[n]; // item → its position among the touched items, or -1
        Arrays.fill(at, -1);
        for (int a = 0; a < m; a++) {
            at[touched[a]] = a;
        }
        RowWriter row = (i, out) -> {
            Arrays.fill(out, 0);
            int a = at[i];
            if (a < 0) {
                return;
            }
            int base = a * m;
            for (int c = 0; c < m; c++) {
                out[touched[c]] = (float) (-p[base + c] / diag[c]);
            }
            out[i] = 0;
        };
        if (neighbours < n - 1) {
            return prune(n, neighbours, row);
        }
        float[] b = new float[n * n];
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            row.write(i, r);
            System.arraycopy(r, 0, b, i * n, n);
        }
        return new EaseModel(n, b);
    }

    /** {@return the items whose row of the Gram matrix holds anything, ascending} */
    private static int[] touched(double[] gram, int n) {
        return IntStream.range(0, n).filter(i -> {
            for (int j = i * n, end = j + n; j < end; j++) {
                if (gram[j] != 0) {
                    return true;
                }
            }
            return false;
        }).toArray();
    }

    /**
     * {@return the Gram matrix restricted to {@code touched}, m × m row-major, written over the front of
     * {@code gram}} (each entry moves to a lower or equal index, so in order nothing is overwritten before it is read)
     */
    private static double[] compact(double[] gram, int n, int[] touched) {
        int m = touched.length;
        if (m == n) {
            return gram;
        }
        for (int a = 0; a < m; a++) {
            int from = touched[a] * n;
            for (int c = 0; c < m; c++) {
                gram[a * m + c] = gram[from + touched[c]];
            }
        }
        return gram;
    }

    /** {@return this model with each row pruned to its {@code neighbours} weights of largest magnitude} (itself when nothing would go) */
    public EaseModel pruned(int neighbours) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1. Provided value: " + neighbours);
        }
        if (b == null ? neighbours >= maxRowLength() : neighbours >= n - 1) {
            return this;
        }
        return prune(n, neighbours, (i, out) -> {
            Arrays.fill(out, 0);
            if (b != null) {
                System.arraycopy(b, i * n, out, 0, n);
            } else {
                for (int q = start[i]; q < start[i + 1]; q++) {
                    out[cols[q]] = vals[q];
                }
            }
        });
    }

    /** Writes row i of B, dense, into {@code out}. */
    private interface RowWriter {
        void write(int i, float[] out);
    }

    /** Rows are selected in parallel; each keeps its non-zero weights above the neighbours-th largest magnitude, ties in column order. */
    private static EaseModel prune(int n, int neighbours, RowWriter rows) {
        int[][] rowCols = new int[n][];
        float[][] rowVals = new float[n][];
        ThreadLocal<float[][]> scratch = ThreadLocal.withInitial(() -> new float[][] {new float[n], new float[n]});
        IntStream.range(0, n).parallel().forEach(i -> {
            float[][] s = scratch.get();
            float[] row = s[0];
            float[] mag = s[1];
            rows.write(i, row);
            int nonZero = 0;
            for (int j = 0; j < n; j++) {
                if (row[j] != 0) {
                    mag[nonZero++] = Math.abs(row[j]);
                }
            }
            int keep = Math.min(neighbours, nonZero);
            float threshold = keep == 0 ? Float.POSITIVE_INFINITY : kthLargest(mag, nonZero, keep);
            int above = 0;
            for (int j = 0; j < n; j++) {
                if (Math.abs(row[j]) > threshold) {
                    above++;
                }
            }
            int ties = keep - above; // entries equal to the threshold still to keep, first columns first
            int[] c = new int[keep];
            float[] v = new float[keep];
            int k = 0;
            for (int j = 0; j < n && k < keep; j++) {
                float m = Math.abs(row[j]);
                if (m > threshold || m == threshold && m != 0 && ties-- > 0) {
                    c[k] = j;
                    v[k++] = row[j];
                }
            }
            rowCols[i] = c;
            rowVals[i] = v;
        });
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + rowCols[i].length;
        }
        int[] cols = new int[start[n]];
        float[] vals = new float[start[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowCols[i], 0, cols, start[i], rowCols[i].length);
            System.arraycopy(rowVals[i], 0, vals, start[i], rowVals[i].length);
        }
        return new EaseModel(n, start, cols, vals);
    }

    /** {@return the k-th largest of a[0, len)} (1-based k; a is reordered), by quickselect */
    static float kthLargest(float[] a, int len, int k) {
        int lo = 0;
        int hi = len - 1;
        int target = k - 1; // index in descending order
        SplittableRandom rnd = new SplittableRandom(len);
        while (lo < hi) {
            float pivot = a[lo + rnd.nextInt(hi - lo + 1)];
            // three-way partition into > pivot | == pivot | < pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                if (a[i] > pivot) {
                    float t = a[i];
                    a[i++] = a[lt];
                    a[lt++] = t;
                } else if (a[i] < pivot) {
                    float t = a[i];
                    a[i] = a[gt];
                    a[gt--] = t;
                } else {
                    i++;
                }
            }
            if (target < lt) {
                hi = lt - 1;
            } else if (target > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[lo];
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

    /** {@return whether rows were pruned to their strongest weights} */
    public boolean isPruned() {
        return b == null && n > 0;
    }

    /** {@return the number of weights stored: n² dense, at most n · neighbours pruned (held twice: by row and by column)} */
    public long storedWeights() {
        return b != null ? b.length : vals.length;
    }

    private int maxRowLength() {
        int max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, start[i + 1] - start[i]);
        }
        return max;
    }

    /** {@return B[i][j]: how much a history item i adds to item j's score (0 where pruned)} */
    public float weight(int i, int j) {
        if (b != null) {
            return b[i * n + j];
        }
        int at = Arrays.binarySearch(cols, start[i], start[i + 1], j);
        return at >= 0 ? vals[at] : 0f;
    }

    /**
     * Adds {@code w · B[i][·]} into {@code out} for each history item i with weight w, in double and
     * in history order: {@code out[j]} is exactly the sum, term by term, of what {@link Terms#of}
     * decomposes it into.
     */
    public void score(int[] history, double[] weights, double[] out) {
        for (int k = 0; k < history.length; k++) {
            double w = weights[k];
            int i = history[k];
            if (b != null) {
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    out[j] += w * b[row + j];
                }
            } else {
                for (int q = start[i], end = start[i + 1]; q < end; q++) {
                    out[cols[q]] += w * vals[q];
                }
            }
        }
    }

    /** {@return the per-history-item terms of scores for this history (distinct items), item by item} */
    public Terms terms(int[] history, double[] weights) {
        return new Terms(history, weights);
    }

    /** The terms {@code w(i) · B[i][j]} of one history's scores. Belongs to one request. */
    public final class Terms {
        private final int[] history;
        private final double[] weights;
        private int[] byItem; // pruned: history positions ordered by item, to merge with a column's rows

        private Terms(int[] history, double[] weights) {
            this.history = history;
            this.weights = weights;
        }

        /** {@return item j's score's terms, aligned with the history (zero where B holds nothing)} */
        public double[] of(int j) {
            double[] out = new double[history.length];
            if (b != null) {
                for (int k = 0; k < history.length; k++) {
                    out[k] = weights[k] * b[history[k] * n + j];
                }
                return out;
            }
            if (byItem == null) {
                byItem = IntStream.range(0, history.length).boxed().sorted((x, y) -> Integer.compare(history[x], history[y]))
                        .mapToInt(Integer::intValue).toArray();
            }
            // merge column j's rows (ascending) with the history's items (ascending), galloping through the
            // column: a popular item's column lists most rows, a history only a few of them
            int q = colStart[j];
            int end = colStart[j + 1];
            for (int p = 0; p < byItem.length && q < end; p++) {
                int k = byItem[p];
                int target = history[k];
                if (colRows[q] < target) {
                    int step = 1;
                    while (q + step < end && colRows[q + step] < target) {
                        q += step;
                        step <<= 1;
                    }
                    int found = Arrays.binarySearch(colRows, q + 1, Math.min(q + step, end), target);
                    q = found >= 0 ? found : -(found + 1); // the first row at or after the target
                    if (q >= end) {
                        break;
                    }
                }
                if (colRows[q] == target) {
                    out[k] = weights[k] * colVals[q];
                    q++;
                }
            }
            return out;
        }
    }

    /**
     * Adds {@code w · B[i][·]} into {@code out} for each history item i with weight w ({@code null}
     * weights: 1 each), as {@link #score(int[], double[], double[])} rounded to float: the evaluator's form.
     */
    public void score(int[] history, float[] weights, float[] out) {
        double[] w = new double[history.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = weights == null ? 1 : weights[k];
        }
        double[] s = new double[n];
        score(history, w, s);
        for (int j = 0; j < n; j++) {
            out[j] += (float) s[j];
        }
    }
}
