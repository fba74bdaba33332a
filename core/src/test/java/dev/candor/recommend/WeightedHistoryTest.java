package dev.candor.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeightedHistoryTest {
    @Test
    void weightedHistory_fromUnsortedArrays_findsEveryItem() {
        // session histories arrive in the order of the session's events
        WeightedHistory h = WeightedHistory.of(new int[] {9, 2, 5}, new double[] {1, 2, 3}, new byte[] {0, 1, 2});
        assertThat(h.contains(9)).isTrue();
        assertThat(h.contains(2)).isTrue();
        assertThat(h.contains(5)).isTrue();
        assertThat(h.contains(4)).isFalse();
        assertThat(h.item(0)).isEqualTo(2);
        assertThat(h.weight(0)).isEqualTo(2);
        assertThat(h.kind(0)).isEqualTo((byte) 1);
    }

    @Test
    void empty_holdsNothing() {
        assertThat(WeightedHistory.EMPTY.contains(0)).isFalse();
        assertThat(WeightedHistory.of(new int[0], new double[0], new byte[0]).contains(5)).isFalse();
        assertThat(WeightedHistory.of(new int[] {64}, new double[] {1}, new byte[] {0}).contains(0)).isFalse();
        assertThat(WeightedHistory.of(new int[] {64}, new double[] {1}, new byte[] {0}).contains(64)).isTrue();
        assertThat(WeightedHistory.of(new int[] {64}, new double[] {1}, new byte[] {0}).contains(128)).isFalse();
    }
}
