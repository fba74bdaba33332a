package dev.candor.recommend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.candor.recommend.InteractionMatrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** EASE and EDLAE weights against the closed forms, inverted here by Gauss–Jordan elimination. */
class EaseModelTest {
    private static final int ITEMS = 12;

    private static InteractionMatrix data() {
        SplittableRandom rnd = new SplittableRandom(5);
        InteractionMatrix.Builder b = InteractionMatrix.builder(80, ITEMS);
        for (int u = 0; u < 80; u++) {
            for (int k = 0; k < 4; k++) {
                b.add(u, (u % 2) * 6 + rnd.nextInt(6), 1f);
            }
            b.add(u, rnd.nextInt(ITEMS), 1f);
        }
        return b.build();
    }

    @Test
    void weights_areTheClosedForm_forEaseAndEdlae() {
        InteractionMatrix x = data();
        for (double dropout : new double[] {0, 0.3}) {
            double lambda = 4;
            EaseModel m = EaseModel.fit(x, lambda, dropout);
            double[] g = EaseModel.gram(x);
            double[] a = g.clone();
            for (int i = 0; i < ITEMS; i++) {
                a[i * ITEMS + i] += lambda + dropout / (1 - dropout) * g[i * ITEMS + i];
            }
            double[] p = invert(a, ITEMS);
            for (int i = 0; i < ITEMS; i++) {
                for (int j = 0; j < ITEMS; j++) {
                    double want = i == j ? 0 : -p[i * ITEMS + j] / p[j * ITEMS + j];
                    assertThat((double) m.weight(i, j)).as("B[%d][%d] at dropout %s", i, j, dropout).isCloseTo(want, within(1e-5));
                }
            }
        }
    }

    @Test
    void itemsNoOneHas_areLeftOutOfTheInversion_andTheWeightsAreStillTheWholeClosedForm() {
        // 20 items, of which 3, 8, 9 and 19 appear in no row: the fit inverts the other 16 only
        int n = 20;
        int[] used = java.util.stream.IntStream.range(0, n).filter(i -> i != 3 && i != 8 && i != 9 && i != 19).toArray();
        SplittableRandom rnd = new SplittableRandom(11);
        InteractionMatrix.Builder b = InteractionMatrix.builder(60, n);
        for (int u = 0; u < 60; u++) {
            for (int k = 0; k < 5; k++) {
                b.add(u, used[rnd.nextInt(used.length)], 1f);
            }
        }
        InteractionMatrix x = b.build();
        for (double dropout : new double[] {0, 0.4}) {
            double lambda = 3;
            EaseModel whole = EaseModel.fit(x, lambda, dropout);
            EaseModel pruned = EaseModel.fit(x, lambda, dropout, 5);
            double[] a = EaseModel.gram(x);
            for (int i = 0; i < n; i++) {
                a[i * n + i] += lambda + dropout / (1 - dropout) * a[i * n + i];
            }
            double[] p = invert(a, n); // the whole n × n matrix, untouched items included
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double want = i == j ? 0 : -p[i * n + j] / p[j * n + j];
                    assertThat((double) whole.weight(i, j)).as("B[%d][%d] at dropout %s", i, j, dropout).isCloseTo(want, within(1e-5));
                }
            }
            for (int i : new int[] {3, 8, 9, 19}) {
                for (int j = 0; j < n; j++) {
                    assertThat(whole.weight(i, j)).isZero();
                    assertThat(whole.weight(j, i)).isZero();
                    assertThat(pruned.weight(i, j)).isZero();
                    assertThat(pruned.weight(j, i)).isZero();
                }
            }
            int kept = 0;
            for (int j = 0; j < n; j++) {
                kept += pruned.weight(0, j) != 0 ? 1 : 0;
            }
            assertThat(kept).isEqualTo(5);
        }
    }

    @Test
    void aGramWithNothingInIt_givesAllZeroWeights() {
        // a differentially private Gram can be clipped to nothing: no item is touched, nothing is inverted
        for (int neighbours : new int[] {Integer.MAX_VALUE, 2}) {
            EaseModel m = EaseModel.fit(new double[5 * 5], 5, 10, 0, neighbours);
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    assertThat(m.weight(i, j)).isZero();
                }
            }
        }
    }

    @Test
    void zeroDropout_isPlainEase_andDropoutRegularizesPopularItemsMore() {
        InteractionMatrix x = data();
        EaseModel ease = EaseModel.fit(x, 4);
        EaseModel same = EaseModel.fit(x, 4, 0);
        EaseModel edlae = EaseModel.fit(x, 4, 0.5);
        double changed = 0;
        for (int i = 0; i < ITEMS; i++) {
            for (int j = 0; j < ITEMS; j++) {
                assertThat(same.weight(i, j)).isEqualTo(ease.weight(i, j));
                changed += Math.abs(edlae.weight(i, j) - ease.weight(i, j));
            }
        }
        assertThat(changed).isGreaterThan(0.01);
        assertThatThrownBy(() -> EaseModel.fit(x, 4, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EaseModel.fit(x, 4, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pruned_keepsEachRowsStrongestWeights_andScoresWithExactlyThose() {
        InteractionMatrix x = data();
        EaseModel whole = EaseModel.fit(x, 4, 0.3);
        int keep = 4;
        EaseModel pruned = EaseModel.fit(x, 4, 0.3, keep);
        assertThat(pruned.isPruned()).isTrue();
        assertThat(whole.isPruned()).isFalse();
        assertThat(pruned.storedWeights()).isEqualTo((long) ITEMS * keep);
        for (int i = 0; i < ITEMS; i++) {
            float[] mags = new float[ITEMS];
            int kept = 0;
            float weakestKept = Float.MAX_VALUE;
            for (int j = 0; j < ITEMS; j++) {
                mags[j] = Math.abs(whole.weight(i, j));
                if (pruned.weight(i, j) != 0) {
                    kept++;
                    assertThat(pruned.weight(i, j)).as("B[%d][%d] kept as it was", i, j).isEqualTo(whole.weight(i, j));
                    weakestKept = Math.min(weakestKept, mags[j]);
                }
            }
            assertThat(kept).isEqualTo(keep);
            float[] sorted = mags.clone();
            java.util.Arrays.sort(sorted);
            assertThat(weakestKept).as("row %d keeps its %d strongest", i, keep).isEqualTo(sorted[ITEMS - keep]);
            assertThat(pruned.weight(i, i)).isZero();
        }
        // pruning a fitted model is the same as fitting pruned
        EaseModel later = whole.pruned(keep);
        for (int i = 0; i < ITEMS; i++) {
            for (int j = 0; j < ITEMS; j++) {
                assertThat(later.weight(i, j)).isEqualTo(pruned.weight(i, j));
            }
        }
        // scores are sums of the kept weights only
        int[] history = {0, 3, 7};
        float[] w = {1f, 0.5f, 2f};
        float[] got = new float[ITEMS];
        pruned.score(history, w, got);
        for (int j = 0; j < ITEMS; j++) {
            double want = 0;
            for (int k = 0; k < history.length; k++) {
                want += w[k] * pruned.weight(history[k], j);
            }
            assertThat((double) got[j]).isCloseTo(want, within(1e-6));
        }
        // at least n − 1 per row keeps the whole matrix
        assertThat(EaseModel.fit(x, 4, 0.3, ITEMS - 1).isPruned()).isFalse();
        assertThat(whole.pruned(ITEMS - 1)).isSameAs(whole);
        assertThatThrownBy(() -> EaseModel.fit(x, 4, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void terms_areEachHistoryItemsWeightedEntry_andAddUpToTheDoubleScore_wholeOrPruned() {
        InteractionMatrix x = data();
        int[] history = {9, 0, 3, 7, 11}; // not in item order
        double[] w = {0.7, 1, 0.5, 2, 1.25};
        for (EaseModel m : new EaseModel[] {EaseModel.fit(x, 4, 0.3), EaseModel.fit(x, 4, 0.3, 3)}) {
            double[] scores = new double[ITEMS];
            m.score(history, w, scores);
            EaseModel.Terms terms = m.terms(history, w);
            for (int j = 0; j < ITEMS; j++) {
                double[] t = terms.of(j);
                double sum = 0;
                for (int k = 0; k < history.length; k++) {
                    assertThat(t[k]).as("term of history item %d for %d", history[k], j).isEqualTo(w[k] * m.weight(history[k], j));
                    sum += t[k];
                }
                assertThat(scores[j]).as("score of %d, pruned %s", j, m.isPruned()).isEqualTo(sum);
            }
        }
    }

    @Test
    void kthLargest_isTheKthOfTheSortedValues() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int len = 1 + rnd.nextInt(60);
            float[] a = new float[len];
            for (int t = 0; t < len; t++) {
                a[t] = rnd.nextInt(10); // many ties
            }
            float[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            int k = 1 + rnd.nextInt(len);
            assertThat(EaseModel.kthLargest(a, len, k)).isEqualTo(sorted[len - k]);
        }
    }

    private static double[] invert(double[] m, int n) {
        double[] a = m.clone();
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            inv[i * n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r * n + c]) > Math.abs(a[piv * n + c])) {
                    piv = r;
                }
            }
            for (int k = 0; k < n; k++) {
                double t = a[c * n + k];
                a[c * n + k] = a[piv * n + k];
                a[piv * n + k] = t;
                t = inv[c * n + k];
                inv[c * n + k] = inv[piv * n + k];
                inv[piv * n + k] = t;
            }
            double d = a[c * n + c];
            for (int k = 0; k < n; k++) {
                a[c * n + k] /= d;
                inv[c * n + k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double fct = a[r * n + c];
                    for (int k = 0; k < n; k++) {
                        a[r * n + k] -= fct * a[c * n + k];
                        inv[r * n + k] -= fct * inv[c * n + k];
                    }
                }
            }
        }
        return inv;
    }
}
