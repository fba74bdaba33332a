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
    void of_userState_sumsEachItemsEvents_namesItsHeaviestKindFirstOnTies_andLeavesOutWhatTheyDisowned() {
        Catalog catalog = new Catalog(dev.candor.consent.SensitivityPolicy.defaults());
        for (int i = 0; i < 10; i++) {
            catalog.putAll(java.util.List.of(dev.candor.model.Item.of("i" + i, "Item " + i, java.util.List.of("a"))));
        }
        var subject = dev.candor.model.SubjectId.of("ef".repeat(32));
        var index = new dev.candor.profile.InteractionIndex();
        long now = 1_000_000;
        int[][] events = { // item, kind: view 0 (1), click 1 (1), add_to_cart 2 (2), purchase 3 (3)
            {7, 0}, {3, 2}, {7, 3}, {9, 1}, {7, 1}, {3, 0}, {5, 0}, {9, 0}, {2, 3}};
        for (int e = 0; e < events.length; e++) {
            index.add(subject, e + 1, events[e][0], (byte) events[e][1], 1f, now, 0);
        }
        UserState user = new UserState(subject, dev.candor.model.ConsentState.DEFAULT, dev.candor.model.Preferences.NONE,
                index.history(subject), java.util.Set.of(5), java.util.Set.of(2), java.time.Instant.ofEpochMilli(now));
        WeightedHistory h = WeightedHistory.of(user, catalog, dev.candor.profile.DecayPolicy.defaults());
        assertThat(h.size()).isEqualTo(3); // 5: not interested, 2: not me
        assertThat(new int[] {h.item(0), h.item(1), h.item(2)}).containsExactly(3, 7, 9);
        assertThat(new double[] {h.weight(0), h.weight(1), h.weight(2)}).containsExactly(3, 5, 2);
        assertThat(new byte[] {h.kind(0), h.kind(1), h.kind(2)}).containsExactly(2, 3, 1); // 9: click and view weigh 1, click came first
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
