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
