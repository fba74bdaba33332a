package dev.candor.recommend.source;

import dev.candor.privacy.dp.DpGram;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.stream.IntStream;
import org.netlib.util.intW;

/**
 * Item models fitted on a differentially private Gram matrix ({@link DpGram.Release}). Everything
 * here is post-processing of the release, so the models are exactly as private as the release
 * (Dwork &amp; Roth 2014, Proposition 2.1); the only inputs are the release and constants.
 *
 * <p><b>Denoising.</b> The noise matrix N is symmetric with independent entries of variance σ² (σ
 * known from the mechanism), whose eigenvalues fill [−2σ√m, 2σ√m] (Wigner's semicircle). An
 * eigenvalue μ of the noisy matrix above the edge 2σ√m estimates a signal eigenvalue θ with
 * μ = θ + mσ²/θ, whose eigenvector keeps the share 1 − mσ²/θ² of its direction (the spiked-matrix
 * results of Benaych-Georges &amp; Nadakuditi 2011). {@link #denoise} keeps only those components,
 * each with θ·(1 − mσ²/θ²) (the shrinker minimising Frobenius loss, Donoho, Gavish &amp; Johnstone
 * 2018), and drops the bulk, which is noise.
 *
 * <p><b>EASE</b> (Steck 2019) is then fitted on the denoised matrix with λ = {@code lambdaShare} ×
 * trace of the noisy Gram (the trace estimates the number of people in full-weight units, so λ
 * scales with the data like the non-private choice). <b>Item-kNN</b> takes cosine similarities
 * of the denoised matrix, {@code sim(i,j) = G(i,j) / (sqrt(G(i,i) G(j,j)) + shrink)}, keeping
 * the top k positive ones per item.
 */
public final class DpItemModels {
    private DpItemModels() {
    }

    /** EASE on the items of a release: scores for catalog items inside the release, nothing outside. */
    public record DpEase(EaseModel model, int[] items, int[] column) {
        /** Adds each release item's score for a history of catalog item indexes into {@code out} (catalog-sized). */
        public void score(int[] history, float[] weights, float[] out) {
            int m = items.length;
            int[] local = new int[history.length];
            float[] w = new float[history.length];
            int k = 0;
            for (int t = 0; t < history.length; t++) {
                int i = history[t];
                if (i < column.length && column[i] >= 0) {
                    local[k] = column[i];
                    w[k++] = weights == null ? 1f : weights[t];
                }
            }
            float[] s = new float[m];
            model.score(Arrays.copyOf(local, k), Arrays.copyOf(w, k), s);
            for (int r = 0; r < m; r++) {
                out[items[r]] += s[r];
            }
        }

        /** {@return whether catalog item i is covered} */
        public boolean covers(int i) {
            return i < column.length && column[i] >= 0;
        }
    }

    /** {@return the release's Gram matrix with the noise bulk removed and the remaining eigenvalues shrunk} */
    public static double[] denoise(DpGram.Release r) {
        int m = r.size();
        double[] a = r.gram().clone();
        if (r.gramSigma() == 0) {
            return a;
        }
        double[] w = new double[m];
        intW info = new intW(0);
        double[] work = new double[1];
        int[] iwork = new int[1];
        LAPACK lapack = LAPACK.getInstance();
        lapack.dsyevd("V", "U", m, a, m, w, work, -1, iwork, -1, info);
        work = new double[(int) work[0]];
        iwork = new int[iwork[0]];
        lapack.dsyevd("V", "U", m, a, m, w, work, work.length, iwork, iwork.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("eigendecomposition failed (dsyevd info " + info.val + ")");
        }
        double ms2 = m * r.gramSigma() * r.gramSigma();
        double edge = 2 * Math.sqrt(ms2);
        double[] out = new double[m * m];
        for (int k = 0; k < m; k++) {
            double mu = w[k];
            if (mu <= edge) {
                continue;
            }
            double theta = (mu + Math.sqrt(mu * mu - 4 * ms2)) / 2;
            double keep = theta * (1 - ms2 / (theta * theta));
            int base = k * m; // column-major: eigenvector k is a[k·m … k·m + m)
            for (int i = 0; i < m; i++) {
                double vi = a[base + i] * keep;
                int row = i * m;
                for (int j = 0; j < m; j++) {
                    out[row + j] += vi * a[base + j];
                }
            }
        }
        return out;
    }

    /** {@return the trace of the release's (noisy) Gram matrix} */
    static double trace(DpGram.Release r) {
        double t = 0;
        int m = r.size();
        for (int i = 0; i < m; i++) {
            t += r.gram()[i * m + i];
        }
        return t;
    }

    /** {@return EASE fitted on the denoised release, λ = lambdaShare × trace (at least 1)} */
    public static DpEase ease(DpGram.Release r, double[] denoised, int numItems, double lambdaShare) {
        if (!(lambdaShare > 0)) {
            throw new IllegalArgumentException("lambdaShare must be > 0. Provided value: " + lambdaShare);
        }
        double lambda = Math.max(1, lambdaShare * trace(r));
        EaseModel model = EaseModel.fit(denoised.clone(), r.size(), lambda);
        int[] column = new int[numItems];
        Arrays.fill(column, -1);
        for (int k = 0; k < r.size(); k++) {
            column[r.items()[k]] = k;
        }
        return new DpEase(model, r.items().clone(), column);
    }

    /**
     * {@return item-kNN neighbourhoods over catalog indexes from the denoised release} Items outside
     * the release have no neighbours; support is the noisy count, rounded and at least 0.
     */
    public static ItemKnnModel knn(DpGram.Release r, double[] denoised, int numItems, int k, double shrink) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1. Provided value: " + k);
        }
        if (!(shrink >= 0)) {
            throw new IllegalArgumentException("shrink must be >= 0. Provided value: " + shrink);
        }
        int m = r.size();
        int[][] nbr = new int[numItems][];
        float[][] sim = new float[numItems][];
        Arrays.fill(nbr, new int[0]);
        Arrays.fill(sim, new float[0]);
        double[] norm = new double[m];
        for (int i = 0; i < m; i++) {
            norm[i] = Math.sqrt(Math.max(0, denoised[i * m + i]));
        }
        IntStream.range(0, m).parallel().forEach(i -> {
            PriorityQueue<double[]> top = new PriorityQueue<>(k + 1, (x, y) -> Double.compare(x[1], y[1]));
            for (int j = 0; j < m; j++) {
                if (j == i) {
                    continue;
                }
                double d = norm[i] * norm[j] + shrink;
                double s = d > 0 ? denoised[i * m + j] / d : 0;
                if (!(s > 0)) {
                    continue;
                }
                if (top.size() < k) {
                    top.add(new double[] {j, s});
                } else if (s > top.peek()[1]) {
                    top.poll();
                    top.add(new double[] {j, s});
                }
            }
            double[][] kept = top.toArray(new double[0][]);
            Arrays.sort(kept, (x, y) -> Integer.compare(r.items()[(int) x[0]], r.items()[(int) y[0]]));
            int[] n = new int[kept.length];
            float[] v = new float[kept.length];
            for (int t = 0; t < kept.length; t++) {
                n[t] = r.items()[(int) kept[t][0]];
                v[t] = (float) kept[t][1];
            }
            nbr[r.items()[i]] = n;
            sim[r.items()[i]] = v;
        });
        int[] support = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            support[i] = (int) Math.max(0, Math.round(r.counts()[i]));
        }
        return ItemKnnModel.of(nbr, sim, support);
    }
}
