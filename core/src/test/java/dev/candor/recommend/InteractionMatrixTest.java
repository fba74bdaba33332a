package dev.candor.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InteractionMatrixTest {
    @Test
    void build_unorderedWithDuplicates_sortsRowsAndSumsDuplicates() {
        InteractionMatrix m = InteractionMatrix.builder(3, 4)
                .add(2, 3, 1f).add(0, 2, 1f).add(0, 0, 2f).add(2, 1, 1f).add(0, 2, 0.5f)
                .build();
        assertThat(m.nnz()).isEqualTo(4);
        assertThat(m.items(0)).containsExactly(0, 2);
        assertThat(m.rowValues(0)).containsExactly(2f, 1.5f);
        assertThat(m.rowLength(1)).isZero();
        assertThat(m.items(2)).containsExactly(1, 3);
    }

    @Test
    void transpose_twice_isIdentity() {
        InteractionMatrix m = InteractionMatrix.builder(3, 4)
                .add(0, 1, 1f).add(1, 1, 2f).add(1, 3, 3f).add(2, 0, 4f).build();
        InteractionMatrix t = m.transpose();
        assertThat(t.numUsers()).isEqualTo(4);
        assertThat(t.items(1)).containsExactly(0, 1);
        assertThat(t.rowValues(1)).containsExactly(1f, 2f);
        InteractionMatrix back = t.transpose();
        for (int u = 0; u < 3; u++) {
            assertThat(back.items(u)).containsExactly(m.items(u));
            assertThat(back.rowValues(u)).containsExactly(m.rowValues(u));
        }
    }

    @Test
    void add_outOfRange_throws() {
        assertThatThrownBy(() -> InteractionMatrix.builder(1, 1).add(1, 0, 1f))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
