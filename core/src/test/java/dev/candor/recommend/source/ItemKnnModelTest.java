package dev.candor.recommend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemKnnModelTest {
    @Test
    void train_smallExample_matchesHandComputedCosine() {
        // subjects: {0,1}, {0,1,2}, {1,2}; n(0)=2, n(1)=3, n(2)=2
        // c(0,1)=2 → 2/sqrt(6); c(0,2)=1 → 1/2; c(1,2)=2 → 2/sqrt(6)
        ItemKnnModel m = ItemKnnModel.train(List.of(new int[] {0, 1}, new int[] {0, 1, 2}, new int[] {1, 2}), 3, 5, 0);
        assertThat(m.similarity(0, 1)).isCloseTo(2 / Math.sqrt(6), within(1e-6));
        assertThat(m.similarity(1, 0)).isCloseTo(2 / Math.sqrt(6), within(1e-6));
        assertThat(m.similarity(0, 2)).isCloseTo(0.5, within(1e-6));
        assertThat(m.similarity(0, 0)).isZero();
        assertThat(m.support(1)).isEqualTo(3);
    }

    @Test
    void train_kOne_keepsOnlyBestNeighbourAndShrinkDamps() {
        ItemKnnModel m = ItemKnnModel.train(List.of(new int[] {0, 1}, new int[] {0, 1, 2}, new int[] {1, 2}), 3, 1, 1);
        assertThat(m.neighbours(0)).containsExactly(1);
        assertThat(m.similarity(0, 1)).isCloseTo(2 / (Math.sqrt(6) + 1), within(1e-6));
        assertThat(m.similarity(0, 2)).isZero();
    }
}
