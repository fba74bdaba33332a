package dev.candor.recommend.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.privacy.dp.DpGram;
import dev.candor.privacy.dp.IntegerNoise;
import dev.candor.privacy.dp.PrivacyParams;
import dev.candor.recommend.InteractionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DpItemModelsTest {
    private static List<int[]> people(int n, int items, long seed) {
        Random rnd = new Random(seed);
        List<int[]> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
            int base = rnd.nextInt(2) * (items / 2); // two tastes
            for (int k = 0; k < 6; k++) {
                s.add(rnd.nextDouble() < 0.8 ? base + rnd.nextInt(items / 2) : rnd.nextInt(items));
            }
            out.add(s.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static DpGram.Release exact(List<int[]> people, int items) {
        DpGram.Release r = DpGram.release(people, items, new DpGram.Settings(new PrivacyParams(1, 1e-3), items, 0.1, 100), i -> IntegerNoise.ZERO);
        return new DpGram.Release(r.items(), r.gram(), r.counts(), 0, 0, r.rho(), r.settings()); // no noise, so nothing to denoise
    }

    @Test
    void noiseTakenOut_easeIsPlainEase() {
        List<int[]> people = people(200, 20, 1);
        DpGram.Release r = exact(people, 20);
        DpItemModels.DpEase dp = DpItemModels.ease(r, DpItemModels.denoise(r), 20, 0.05);
        InteractionMatrix.Builder b = InteractionMatrix.builder(people.size(), 20);
        for (int p = 0; p < people.size(); p++) {
            for (int i : people.get(p)) {
                b.add(p, i, 1f);
            }
        }
        double trace = 0;
        for (int[] p : people) {
            trace += p.length;
        }
        EaseModel plain = EaseModel.fit(b.build(), 0.05 * trace);
        float[] a = new float[20];
        float[] e = new float[20];
        dp.score(new int[] {1, 3, 12}, null, a);
        plain.score(new int[] {1, 3, 12}, null, e);
        for (int j = 0; j < 20; j++) {
            assertThat(a[j]).isCloseTo(e[j], Offset.offset(1e-5f));
        }
    }

    @Test
    void noiseTakenOut_knnIsShrinkFreeCosine() {
        List<int[]> people = people(200, 20, 2);
        DpGram.Release r = exact(people, 20);
        ItemKnnModel dp = DpItemModels.knn(r, DpItemModels.denoise(r), 20, 5, 0);
        ItemKnnModel plain = ItemKnnModel.train(people, 20, 5, 0);
        for (int i = 0; i < 20; i++) {
            assertThat(dp.neighbours(i)).as("item %d", i).containsExactly(plain.neighbours(i));
            for (int t = 0; t < dp.neighbours(i).length; t++) {
                assertThat(dp.similarities(i)[t]).isCloseTo(plain.similarities(i)[t], Offset.offset(1e-5f));
            }
            assertThat(dp.support(i)).isEqualTo(plain.support(i));
        }
    }

    @Test
    void denoise_recoversASpikeHiddenInWignerNoise() {
        int m = 100;
        double theta = 400;
        double sigma = 2;
        Random rnd = new Random(3);
        double[] u = new double[m];
        double norm = 0;
        for (int i = 0; i < m; i++) {
            u[i] = 1 + rnd.nextDouble();
            norm += u[i] * u[i];
        }
        double[] signal = new double[m * m];
        double[] noisy = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = theta * u[i] * u[j] / norm;
                double z = sigma * rnd.nextGaussian();
                signal[i * m + j] = signal[j * m + i] = s;
                noisy[i * m + j] = noisy[j * m + i] = s + z;
            }
        }
        int[] items = java.util.stream.IntStream.range(0, m).toArray();
        DpGram.Release r = new DpGram.Release(items, noisy, new double[m], sigma, sigma, 0, null);
        double[] d = DpItemModels.denoise(r);
        double errNoisy = 0;
        double errDenoised = 0;
        for (int k = 0; k < m * m; k++) {
            errNoisy += Math.pow(noisy[k] - signal[k], 2);
            errDenoised += Math.pow(d[k] - signal[k], 2);
        }
        assertThat(errDenoised).isLessThan(errNoisy / 20);
    }
}
