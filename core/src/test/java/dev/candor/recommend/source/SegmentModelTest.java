package dev.candor.recommend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.privacy.dp.DiscreteSamplers;
import dev.candor.privacy.dp.IntegerNoise;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SegmentModelTest {
    @Test
    void privateBuild_withoutNoise_isTheBoundedExactCount() {
        SegmentModel.Builder b = SegmentModel.Builder.bounded(40, 2);
        int[] many = IntStream.range(0, 30).toArray(); // most recent first: only the first 20 count
        b.add("action", many, new int[] {5, 6});
        b.add("action", new int[] {0, 35}, new int[] {35});
        b.add("drama", new int[] {1}, new int[0]);
        b.add("secret", new int[] {2}, new int[0]);
        b.add("secret", new int[] {2}, new int[0]);
        SegmentModel m = b.buildPrivate(Set.of("action", "drama"), 1, IntegerNoise.ZERO);
        assertThat(m.epsilon()).hasValue(1.0);
        assertThat(m.size("action")).isEqualTo(2);
        assertThat(m.counts("action").orElseThrow()[0]).isEqualTo(2);
        assertThat(m.counts("action").orElseThrow()[19]).isEqualTo(1);
        assertThat(m.counts("action").orElseThrow()[20]).as("beyond the 20 most recent").isZero();
        assertThat(m.counts("action").orElseThrow()[35]).isEqualTo(1);
        assertThat(m.trending("action").orElseThrow()[35]).isEqualTo(1);
        assertThat(m.trending("action").orElseThrow()[5]).isEqualTo(1);
        assertThat(m.size("drama")).as("one member is below k = 2").isZero();
        assertThat(m.size("secret")).as("not a candidate: never released").isZero();
    }

    @Test
    void privateBuild_countNoiseIsDiscreteLaplaceOfTheStatedScale() {
        // no members (and k = −∞, so the segment is kept): each popular count is max(0, Z), Z discrete Laplace with scale b = 20 / (0.4 ε).
        // P(Z <= 0) = (1 + P(Z = 0)) / 2; over 20,000 counts a 5-standard-error band fails by chance
        // with probability below 1e-6.
        int n = 20_000;
        double eps = 1;
        SegmentModel m = SegmentModel.Builder.bounded(n, Integer.MIN_VALUE).buildPrivate(Set.of("s"), eps, new DiscreteSamplers(new Random(4)));
        double b = SegmentModel.POPULAR_BOUND / (0.4 * eps);
        double p0 = (1 - Math.exp(-1 / b)) / (1 + Math.exp(-1 / b));
        double expected = (1 + p0) / 2;
        int[] counts = m.counts("s").orElseThrow();
        long zeros = java.util.Arrays.stream(counts).filter(c -> c == 0).count();
        assertThat(zeros / (double) n).isCloseTo(expected, Offset.offset(5 * Math.sqrt(expected * (1 - expected) / n)));
        // E[max(0, Z)] = e^{-1/b} / ((1 + e^{-1/b})(1 - e^{-1/b})) for the discrete Laplace
        double q = Math.exp(-1 / b);
        double mean = q / ((1 + q) * (1 - q));
        double sd = b * 1.5; // generous bound on the standard deviation of max(0, Z)
        assertThat(java.util.Arrays.stream(counts).average().orElseThrow()).isCloseTo(mean, Offset.offset(5 * sd / Math.sqrt(n)));
    }

    @Test
    void privateBuild_refusesAnUnboundedBuilderAndBadEpsilon() {
        assertThatThrownBy(() -> new SegmentModel.Builder(3, 2).buildPrivate(Set.of("a"), 1, IntegerNoise.ZERO))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SegmentModel.Builder.bounded(3, 2).buildPrivate(Set.of("a"), 0, IntegerNoise.ZERO))
                .hasMessageContaining("epsilon must be > 0");
    }
}
