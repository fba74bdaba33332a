package dev.candor.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DpGramTest {
    private static final PrivacyParams ONE = new PrivacyParams(1, 1e-3);

    private static DpGram.Settings settings(int maxItems, int c) {
        return new DpGram.Settings(ONE, maxItems, 0.1, c);
    }

    @Test
    void zeroNoise_fullWeight_isTheExactGram() {
        List<int[]> people = List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 1, 2});
        DpGram.Release r = DpGram.release(people, 3, settings(10, 3), i -> IntegerNoise.ZERO);
        assertThat(r.items()).containsExactly(0, 1, 2);
        assertThat(r.gram()).containsExactly(2, 2, 1, 2, 3, 2, 1, 2, 2);
        assertThat(r.counts()).containsExactly(2, 3, 2);
    }

    @Test
    void zeroNoise_heavyPeopleAreScaledToTheBound() {
        // c = 1: a person with h items weighs floor(1000 sqrt(2 / h(h+1))) / 1000 per pair
        List<int[]> people = List.of(new int[] {0, 1}, new int[] {2});
        DpGram.Release r = DpGram.release(people, 3, settings(10, 1), i -> IntegerNoise.ZERO);
        double a2 = Math.floor(1000 * Math.sqrt(2.0 / 6)) / 1000; // 0.577
        assertThat(r.gram()).containsExactly(a2, a2, 0, a2, a2, 0, 0, 0, 1);
    }

    @Test
    void weights_neverExceedTheSensitivity() {
        long s = DpGram.SCALE;
        for (long c : new long[] {1, 2, 5, 50, 500}) {
            for (long h = 1; h <= 5000; h++) {
                long a = DpGram.gramWeight(h, c);
                assertThat(a * a * h * (h + 1) / 2).as("c %d h %d", c, h).isLessThanOrEqualTo(s * s * c * (c + 1) / 2);
                long b = DpGram.countWeight(h, c);
                assertThat(b * b * h).isLessThanOrEqualTo(s * s * c);
                if (h <= c) {
                    assertThat(a).isEqualTo(s);
                    assertThat(b).isEqualTo(s);
                } else {
                    assertThat(a).as("tight").isGreaterThan((long) (0.99 * s * Math.sqrt((double) c * (c + 1) / (h * (h + 1.0)))) - 2);
                }
            }
        }
    }

    @Test
    void zeroNoise_selectionKeepsTheMostPopular() {
        List<int[]> people = new ArrayList<>();
        for (int p = 0; p < 30; p++) {
            people.add(p % 3 == 0 ? new int[] {1, 4} : p % 3 == 1 ? new int[] {1, 3} : new int[] {1, 4, 5});
        }
        DpGram.Release r = DpGram.release(people, 6, settings(2, 5), i -> IntegerNoise.ZERO);
        assertThat(r.items()).containsExactly(1, 4);
        assertThat(r.gram()).containsExactly(30, 20, 20, 20);
        assertThat(r.counts()[1]).isEqualTo(30);
        assertThat(r.counts()[0]).isZero();
    }

    @Test
    void noise_hasTheStatedVariance_andSpendsTheBudgetExactly() {
        // no people: every entry is pure noise. 200·201/2 = 20,100 draws; the sample variance's
        // relative standard error is sqrt(2/N) ≈ 1 %; bounds of 5 standard errors fail by chance with
        // probability below 1e-6.
        int m = 200;
        DpGram.Release r = DpGram.release(List.of(), m, settings(m, 4), i -> new DiscreteSamplers(new Random(1000 + i)));
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double x = r.gram()[i * m + j];
                assertThat(r.gram()[j * m + i]).isEqualTo(x);
                sum += x;
                sq += x * x;
                n++;
            }
        }
        double var = sq / n - (sum / n) * (sum / n);
        double s2 = r.gramSigma() * r.gramSigma();
        assertThat(var / s2).isCloseTo(1, Offset.offset(5 * Math.sqrt(2.0 / n)));
        assertThat(sum / n).isCloseTo(0, Offset.offset(5 * r.gramSigma() / Math.sqrt(n)));
        // σ² = Δ²/(2ρ) with Δ² = c(c+1)/2 in person units, rounded up: ρ spent ≤ ρ allowed, and barely below it
        assertThat(s2).isCloseTo(10 / (2 * ONE.rho()), Offset.offset(1e-5));
        assertThat(r.rho()).isLessThanOrEqualTo(ONE.rho()).isGreaterThan(ONE.rho() * 0.99999);
    }

    @Test
    void withSelection_bothStagesAddUpToTheBudget() {
        List<int[]> people = List.of(new int[] {0, 1, 2}, new int[] {3});
        DpGram.Release r = DpGram.release(people, 10, settings(3, 1), i -> new DiscreteSamplers(new Random(i)));
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.rho()).isLessThanOrEqualTo(ONE.rho()).isGreaterThan(ONE.rho() * 0.99999);
        assertThat(r.countSigma()).isCloseTo(Math.sqrt(1 / (2 * 0.1 * ONE.rho())), Offset.offset(1e-3));
        assertThat(r.gramSigma()).isCloseTo(Math.sqrt(1 / (2 * 0.9 * ONE.rho())), Offset.offset(1e-3));
    }

    @Test
    void invalidSettings_areRefused() {
        assertThatThrownBy(() -> new DpGram.Settings(new PrivacyParams(1, 0), 10, 0.1, 1)).hasMessageContaining("delta must be > 0");
        assertThatThrownBy(() -> new DpGram.Settings(ONE, 0, 0.1, 1)).hasMessageContaining("maxItems must be >= 1");
        assertThatThrownBy(() -> new DpGram.Settings(ONE, 10, 0, 1)).hasMessageContaining("selectionShare");
        assertThatThrownBy(() -> new DpGram.Settings(ONE, 10, 1, 1)).hasMessageContaining("selectionShare");
        assertThatThrownBy(() -> new DpGram.Settings(ONE, 10, 0.1, 0)).hasMessageContaining("fullWeightItems");
        assertThatThrownBy(() -> DpGram.release(List.of(), 0, settings(1, 1), i -> IntegerNoise.ZERO)).hasMessageContaining("numItems");
    }
}
