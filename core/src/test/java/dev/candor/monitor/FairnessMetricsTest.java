package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.model.Item;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairnessMetricsTest {
    @Test
    void gini_handComputed() {
        // sorted [0,0,0,10]: (2·4 - 5)·10 / (4·10) = 0.75 = (n-1)/n
        assertThat(FairnessMetrics.gini(new long[] {10, 0, 0, 0})).isCloseTo(0.75, within(1e-12));
        // [1,2,3,4]: (-3·1 - 1·2 + 1·3 + 3·4) / (4·10) = 10/40
        assertThat(FairnessMetrics.gini(new long[] {4, 2, 1, 3})).isCloseTo(0.25, within(1e-12));
        assertThat(FairnessMetrics.gini(new long[] {5, 5, 5})).isZero();
        assertThat(FairnessMetrics.gini(new long[] {0, 0})).isZero();
    }

    @Test
    void gini_overCatalog_countsUnservedItemsAsZero() {
        assertThat(FairnessMetrics.gini(Map.of("a", 10L), List.of("a", "b", "c", "d"))).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void coverage_handComputed() {
        Map<String, Long> exposure = Map.of("a", 3L, "b", 0L, "c", 1L, "zz", 9L);
        assertThat(FairnessMetrics.coverage(exposure, List.of("a", "b", "c", "d"))).isEqualTo(0.5);
        assertThat(FairnessMetrics.coverage(exposure, List.of())).isZero();
    }

    @Test
    void shareByGroup_multiCategoryItemsSplitEqually() {
        // a in {x, y} served 4 → 2 each; b in {x} served 2; c has no group → left out. Total 6.
        Map<String, List<String>> groups = Map.of("a", List.of("x", "y"), "b", List.of("x"), "c", List.of());
        Map<String, Double> share = FairnessMetrics.shareByGroup(Map.of("a", 4L, "b", 2L, "c", 5L), groups::get);
        assertThat(share).containsOnlyKeys("x", "y");
        assertThat(share.get("x")).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(share.get("y")).isCloseTo(2.0 / 6, within(1e-12));
    }

    @Test
    void popularityDeciles_twentyItems_twoPerDecile_tiesByKey() {
        Map<String, Long> pop = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            pop.put(String.format("i%02d", i), (long) (100 - i));
        }
        Map<String, Integer> d = FairnessMetrics.popularityDeciles(pop);
        assertThat(d.get("i00")).isEqualTo(1);
        assertThat(d.get("i01")).isEqualTo(1);
        assertThat(d.get("i02")).isEqualTo(2);
        assertThat(d.get("i19")).isEqualTo(10);
        Map<String, Long> tie = Map.of("b", 5L, "a", 5L);
        assertThat(FairnessMetrics.popularityDeciles(tie)).containsEntry("a", 1).containsEntry("b", 6);
    }

    @Test
    void shareByPopularityDecile_allExposureOnHead_isOneInDecileOne() {
        Map<String, Long> pop = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            pop.put("i" + i, (long) (10 - i));
        }
        Map<Integer, Double> s = FairnessMetrics.shareByPopularityDecile(Map.of("i0", 7L, "unknown", 3L), pop);
        assertThat(s).hasSize(10).containsEntry(1, 1.0).containsEntry(10, 0.0);
    }

    @Test
    void report_combinesTheMeasures() {
        List<Item> catalog = List.of(Item.of("a", "A", List.of("action")), Item.of("b", "B", List.of("drama")),
                Item.of("c", "C", List.of("drama")), Item.of("d", "D", List.of("action")));
        FairnessReport r = FairnessReport.of(Map.of("a", 6L, "b", 2L), catalog,
                Map.of("a", 40L, "b", 30L, "c", 20L, "d", 10L), List.of(0.5, 1.5));
        assertThat(r.itemsServed()).isEqualTo(8);
        assertThat(r.coverage()).isEqualTo(0.5);
        // sorted [0,0,2,6]: (1·2 + 3·6) / (4·8) = 20/32
        assertThat(r.gini()).isCloseTo(0.625, within(1e-12));
        assertThat(r.byCategory()).containsEntry("action", 0.75).containsEntry("drama", 0.25);
        assertThat(r.meanCalibration()).contains(1.0);
    }
}
