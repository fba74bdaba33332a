package dev.candor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolTest {
    /** 20 users × 8 positives over items 0..29, one negative each, plus one user with 4 positives. */
    private static Dataset data() {
        Dataset.Builder b = new Dataset.Builder("tiny");
        for (int u = 0; u < 20; u++) {
            for (int k = 0; k < 8; k++) {
                b.add("u" + u, "i" + ((u + 3 * k) % 30), 5f, 1000L * k);
            }
            b.add("u" + u, "i" + ((u + 1) % 30), 2f, 99_999);
        }
        for (int k = 0; k < 4; k++) {
            b.add("few", "i" + k, 5f, k);
        }
        b.add("outsider", "only-mine", 5f, 0);
        return b.build();
    }

    @Test
    void strong_foldsPartitionKeptUsers_andSplitEachHeldOutUser8020() {
        List<Fold> folds = Protocol.split(data(), Protocol.Settings.strong(4, 7));
        assertThat(folds).hasSize(4);
        int heldOut = 0;
        for (Fold f : folds) {
            heldOut += f.targets().length;
            assertThat(f.data().train().numUsers() + f.targets().length).isEqualTo(20); // 'few' and 'outsider' are dropped
            for (int u = 0; u < f.targets().length; u++) {
                int[] in = f.data().foldIn().items(u);
                assertThat(f.targets()[u]).hasSize(2);   // round(0.2 × 8)
                assertThat(in).hasSize(6);
                Set<Integer> overlap = new HashSet<>();
                for (int t : f.targets()[u]) {
                    overlap.add(t);
                }
                assertThat(Arrays.stream(in).noneMatch(overlap::contains)).isTrue();
            }
        }
        assertThat(heldOut).isEqualTo(20);
    }

    @Test
    void strong_universeIsItemsWithAPositiveFromATrainingUser() {
        for (Fold f : Protocol.split(data(), Protocol.Settings.strong(4, 7))) {
            Set<String> trainItems = new HashSet<>();
            for (int u = 0; u < f.data().train().numUsers(); u++) {
                for (int c : f.data().train().items(u)) {
                    trainItems.add(f.data().items().ids().get(c));
                }
            }
            assertThat(new HashSet<>(f.data().items().ids())).isEqualTo(trainItems).doesNotContain("only-mine");
        }
    }

    @Test
    void strong_isDeterministicForASeed_andDiffersAcrossSeeds() {
        Dataset d = data();
        int[][] a = Protocol.split(d, Protocol.Settings.strong(4, 7)).getFirst().targets();
        int[][] b = Protocol.split(d, Protocol.Settings.strong(4, 7)).getFirst().targets();
        int[][] c = Protocol.split(d, Protocol.Settings.strong(4, 8)).getFirst().targets();
        assertThat(Arrays.deepEquals(a, b)).isTrue();
        assertThat(Arrays.deepEquals(a, c)).isFalse();
    }

    @Test
    void temporal_targetsAreEachUsersLatestPositives() {
        Fold f = Protocol.split(data(), new Protocol.Settings(Protocol.Kind.TEMPORAL, 4, 1, 1)).getFirst();
        assertThat(f.targets().length).isEqualTo(20);
        // user u0's positives by time: i0, i3, …, i21; the last two (i18, i21) are targets
        List<String> ids = f.data().items().ids();
        int row = 0; // users keep data-set order; u0 is first
        assertThat(Arrays.stream(f.targets()[row]).mapToObj(ids::get).toList()).containsExactlyInAnyOrder("i18", "i21");
    }
}
