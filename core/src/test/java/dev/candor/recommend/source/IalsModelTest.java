package dev.candor.recommend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.candor.recommend.InteractionMatrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * iALS training (batched conjugate gradient with BLAS products, frequency-scaled penalty) against a
 * plain reference: exact per-row least squares by Cholesky, written out here from the loss.
 */
class IalsModelTest {
    private static final int USERS = 150;
    private static final int ITEMS = 60;

    private static InteractionMatrix data() {
        SplittableRandom rnd = new SplittableRandom(11);
        InteractionMatrix.Builder b = InteractionMatrix.builder(USERS, ITEMS);
        for (int u = 0; u < USERS; u++) {
            int block = u % 3;
            int n = 3 + rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.add(u, rnd.nextInt(10) < 8 ? block * 20 + rnd.nextInt(20) : rnd.nextInt(ITEMS), 1f);
            }
        }
        return b.build();
    }

    @Test
    void addLowerGram_addsAlphaHtH_toTheLowerTriangleOnly() {
        SplittableRandom rnd = new SplittableRandom(3);
        int f = 9;
        for (int count : new int[] {0, 1, 4, 7, 13}) { // whole blocks of four and the rest
            double[] hist = new double[count * f];
            for (int k = 0; k < hist.length; k++) {
                hist[k] = rnd.nextDouble(-1, 1);
            }
            double[] a = new double[f * f];
            for (int k = 0; k < a.length; k++) {
                a[k] = k;
            }
            IalsModel.addLowerGram(hist, count, f, 2.5, a);
            for (int x = 0; x < f; x++) {
                for (int y = 0; y < f; y++) {
                    double want = x * f + y;
                    if (y <= x) {
                        for (int k = 0; k < count; k++) {
                            want += 2.5 * hist[k * f + x] * hist[k * f + y];
                        }
                    }
                    assertThat(a[x * f + y]).as("a[%d][%d] with %d rows", x, y, count).isCloseTo(want, within(1e-12));
                }
            }
        }
    }

    @Test
    void penalty_isLambdaTimesTheRowsTotalConfidenceToTheNu() {
        IalsModel.Params constant = new IalsModel.Params(8, 3, 4.0, 0.5, 1);
        assertThat(constant.nu()).isZero();
        assertThat(constant.penalty(7, 1000)).isEqualTo(0.5);
        IalsModel.Params scaled = new IalsModel.Params(8, 3, 4.0, 0.5, 1.0, 1);
        assertThat(scaled.penalty(7, 1000)).isCloseTo(0.5 * (4.0 * 7 + 1000), within(1e-9));
        IalsModel.Params half = new IalsModel.Params(8, 3, 4.0, 0.5, 0.5, 1);
        assertThat(half.penalty(7, 1000)).isCloseTo(0.5 * Math.sqrt(1028), within(1e-9));
        assertThatThrownBy(() -> new IalsModel.Params(8, 3, 4.0, 0.5, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conjugateGradientTraining_matchesExactAls_withAndWithoutFrequencyScaling() {
        InteractionMatrix x = data();
        for (IalsModel.Params p : new IalsModel.Params[] {new IalsModel.Params(16, 15, 5.0, 2.0, 3),
                new IalsModel.Params(16, 15, 5.0, 0.02, 1.0, 3)}) {
            IalsModel model = IalsModel.train(x, p);
            float[] reference = exactAls(x, p);
            int[] history = {0, 3, 5, 21};
            float[] got = new float[ITEMS];
            model.foldIn(history).score(got);
            float[] want = foldIn(reference, history, p);
            double dot = 0;
            double nGot = 0;
            double nWant = 0;
            for (int j = 0; j < ITEMS; j++) {
                dot += got[j] * want[j];
                nGot += got[j] * got[j];
                nWant += want[j] * want[j];
            }
            assertThat(dot / Math.sqrt(nGot * nWant)).as("cosine of the scores, %s", p).isGreaterThan(0.995);
            assertThat(Math.sqrt(nGot / nWant)).isCloseTo(1.0, within(0.05));
        }
    }

    @Test
    void theModelLearnsTheBlocks() {
        IalsModel model = IalsModel.train(data(), new IalsModel.Params(16, 10, 5.0, 2.0, 3));
        float[] s = new float[ITEMS];
        model.foldIn(new int[] {40, 41, 45, 50}).score(s);
        double inside = 0;
        double outside = 0;
        for (int j = 0; j < ITEMS; j++) {
            if (j >= 40) {
                inside += s[j];
            } else {
                outside += s[j];
            }
        }
        assertThat(inside / 20).isGreaterThan(3 * outside / 40);
    }

    /** Alternating exact least squares: (YᵀY + α Σ y yᵀ + λ_r I) x_r = (1 + α) Σ y, rows solved by Cholesky. */
    private static float[] exactAls(InteractionMatrix x, IalsModel.Params p) {
        int f = p.factors();
        SplittableRandom rnd = new SplittableRandom(p.seed());
        double[] items = new double[ITEMS * f];
        double[] users = new double[USERS * f];
        for (int k = 0; k < items.length; k++) {
            items[k] = rnd.nextGaussian() / Math.sqrt(f) * 0.1;
        }
        InteractionMatrix xt = x.transpose();
        for (int it = 0; it < p.iterations(); it++) {
            exactSweep(x, items, ITEMS, users, p);
            exactSweep(xt, users, USERS, items, p);
        }
        float[] out = new float[items.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) items[k];
        }
        return out;
    }

    private static void exactSweep(InteractionMatrix rows, double[] fixed, int nFixed, double[] out, IalsModel.Params p) {
        int f = p.factors();
        for (int r = 0; r < rows.numUsers(); r++) {
            double[] sol = solve(rows.items(r), fixed, nFixed, f, p, p.penalty(rows.items(r).length, nFixed));
            System.arraycopy(sol, 0, out, r * f, f);
        }
    }

    private static double[] solve(int[] items, double[] fixed, int nFixed, int f, IalsModel.Params p, double lambda) {
        double[] a = new double[f * f];
        for (int i = 0; i < nFixed; i++) {
            for (int r = 0; r < f; r++) {
                for (int c = 0; c < f; c++) {
                    a[r * f + c] += fixed[i * f + r] * fixed[i * f + c];
                }
            }
        }
        double[] b = new double[f];
        for (int i : items) {
            for (int r = 0; r < f; r++) {
                b[r] += (1 + p.alpha()) * fixed[i * f + r];
                for (int c = 0; c < f; c++) {
                    a[r * f + c] += p.alpha() * fixed[i * f + r] * fixed[i * f + c];
                }
            }
        }
        for (int r = 0; r < f; r++) {
            a[r * f + r] += lambda;
        }
        DenseSolver.cholesky(a, f);
        DenseSolver.solve(a, f, b);
        return b;
    }

    private static float[] foldIn(float[] y, int[] history, IalsModel.Params p) {
        int f = p.factors();
        double[] yd = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            yd[k] = y[k];
        }
        double[] x = solve(history, yd, ITEMS, f, p, p.penalty(history.length, ITEMS));
        float[] s = new float[ITEMS];
        for (int j = 0; j < ITEMS; j++) {
            double t = 0;
            for (int k = 0; k < f; k++) {
                t += x[k] * y[j * f + k];
            }
            s[j] = (float) t;
        }
        return s;
    }
}
