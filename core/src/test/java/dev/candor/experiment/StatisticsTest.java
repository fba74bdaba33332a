package dev.candor.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void quantile_knownPoints_matchTables() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-15));
        assertThat(Normal.quantile(0.05)).isCloseTo(-1.6448536269514722, within(1e-14));
        assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
        assertThatThrownBy(() -> Normal.quantile(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in (0, 1). Provided value: 1.0");
    }

    @Test
    void wilson_newcombeExample_matchesPublishedInterval() {
        // Newcombe (1998), single proportion 81/263, score method: 0.2553 to 0.3662
        Interval w = Proportions.wilson(81, 263, 0.05);
        assertThat(w.lower()).isCloseTo(0.2553, within(5e-5));
        assertThat(w.upper()).isCloseTo(0.3662, within(5e-5));
        // 0 of 10: [0, z²/(n+z²)] = [0, 3.8415/13.8415]
        Interval zero = Proportions.wilson(0, 10, 0.05);
        assertThat(zero.lower()).isEqualTo(0);
        assertThat(zero.upper()).isCloseTo(3.841459 / 13.841459, within(1e-6));
    }

    @Test
    void newcombe_publishedExample_matchesMethod10() {
        // Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 - 48/80 → 0.0524 to 0.3339
        Interval d = Proportions.newcombe(56, 70, 48, 80, 0.05);
        assertThat(d.lower()).isCloseTo(0.0524, within(5e-5));
        assertThat(d.upper()).isCloseTo(0.3339, within(5e-5));
    }

    @Test
    void msprt_handComputed_likelihoodRatioPValueAndWidth() {
        // V = τ² = 1e-4: Λ = sqrt(1/2) · exp(τ²d²/(2V(V+τ²))) = 0.70711 · exp(d² / 4e-4)
        assertThat(SequentialTest.likelihoodRatio(0.01, 1e-4, 0, 1e-4)).isCloseTo(Math.sqrt(0.5) * Math.exp(0.25), within(1e-12));
        assertThat(SequentialTest.pValue(0.01, 1e-4, 0, 1e-4)).isEqualTo(1.0); // Λ < 1
        // d = 0.05: Λ = 0.70711 · e^6.25 = 366.29 → p = 0.0027301
        assertThat(SequentialTest.pValue(0.05, 1e-4, 0, 1e-4)).isCloseTo(1 / (Math.sqrt(0.5) * Math.exp(6.25)), within(1e-12));
        assertThat(SequentialTest.pValue(0.05, 1e-4, 0, 1e-4)).isCloseTo(0.0027301, within(1e-7));
        // half-width = sqrt(V(V+τ²)/τ² · (ln 2 + 2 ln 20)) = sqrt(2e-4 · 6.684612) = 0.0365640
        double h = SequentialTest.halfWidth(1e-4, 0.05, 1e-4);
        assertThat(h).isCloseTo(0.0365640, within(1e-7));
        // at the boundary Λ = 1/alpha exactly
        assertThat(SequentialTest.likelihoodRatio(h, 1e-4, 0, 1e-4)).isCloseTo(20, within(1e-9));
    }

    @Test
    void msprt_wider_thanFixedHorizon_atSameVariance() {
        double v = 2.5e-6;
        assertThat(SequentialTest.halfWidth(v, 0.05, 1e-4)).isGreaterThan(1.96 * Math.sqrt(v));
    }

    @Test
    void smoothedVariance_zeroSuccesses_isPositive() {
        // p̃ = 0.5/11
        double p = 0.5 / 11;
        assertThat(Proportions.smoothedVariance(0, 10)).isCloseTo(p * (1 - p) / 10, within(1e-15));
    }

    @Test
    void invalidInputs_throwWithOneMessageFormat() {
        assertThatThrownBy(() -> Proportions.wilson(5, 3, 0.05)).hasMessage("need 0 <= x <= n. Provided: x=5, n=3");
        assertThatThrownBy(() -> SequentialTest.halfWidth(0, 0.05, 1e-4)).hasMessage("variance must be > 0 and finite. Provided value: 0.0");
        assertThatThrownBy(() -> new Analysis(0.7, 0.01)).hasMessage("alpha must be in (0, 0.5). Provided value: 0.7");
        assertThatThrownBy(() -> new Analysis(0.05, 0)).hasMessage("mixingSd must be > 0 and finite. Provided value: 0.0");
        assertThatThrownBy(() -> new Interval(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
