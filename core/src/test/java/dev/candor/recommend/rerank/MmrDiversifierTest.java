package dev.candor.recommend.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.model.Item;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.ScoredItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MmrDiversifierTest {
    private final Catalog catalog = new Catalog(SensitivityPolicy.defaults());

    private List<ScoredItem> ranked() {
        // four "a" items scored 1.0 .. 0.7, then two "b" items 0.6, 0.5
        List<Item> items = List.of(Item.of("a1", "A1", List.of("a")), Item.of("a2", "A2", List.of("a")), Item.of("a3", "A3", List.of("a")),
                Item.of("a4", "A4", List.of("a")), Item.of("b1", "B1", List.of("b")), Item.of("b2", "B2", List.of("b")));
        catalog.putAll(items);
        double[] scores = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5};
        List<ScoredItem> out = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            out.add(new ScoredItem(catalog.indexOf(items.get(k).id()).getAsInt(), List.of(new Reason.Popular(List.of(
                    new Evidence(Evidence.Kind.STATISTIC, "popularity", "popularity", "rank", scores[k]))))));
        }
        return out;
    }

    private List<String> ids(List<ScoredItem> items) {
        return items.stream().map(s -> catalog.item(s.item()).id().value()).toList();
    }

    @Test
    void lambdaOne_keepsTheBlendOrder() {
        assertThat(ids(new MmrDiversifier(catalog).diversify(ranked(), 4, 1.0))).containsExactly("a1", "a2", "a3", "a4");
    }

    @Test
    void lowerLambda_bringsTheOtherCategoryUp_withScoresAndReasonsUnchanged() {
        List<ScoredItem> before = ranked();
        List<ScoredItem> after = new MmrDiversifier(catalog).diversify(before, 4, 0.7);
        assertThat(ids(after)).containsExactly("a1", "b1", "a2", "a3");
        assertThat(Set.copyOf(before)).containsAll(after);
        for (ScoredItem s : after) {
            assertThat(s.reasons().stream().mapToDouble(Reason::weight).sum()).isEqualTo(s.score());
        }
    }

    @Test
    void lambdaZero_takesTheUnseenCategoryFirst_evenFarDown() {
        assertThat(ids(new MmrDiversifier(catalog).diversify(ranked(), 2, 0.0))).containsExactly("a1", "b1");
    }

    @Test
    void categoryIdsPast63_takeTheArrayPath_andPickTheSameOrderAsTheBitPath() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(8);
        List<List<String>> sets = new ArrayList<>();
        double[] scores = new double[60];
        for (int k = 0; k < 60; k++) {
            List<String> cs = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                if (rnd.nextInt(4) == 0) {
                    cs.add("c" + c);
                }
            }
            sets.add(cs);
            scores[k] = 1 - k / 100.0;
        }
        List<List<String>> orders = new ArrayList<>();
        for (int padding : new int[] {0, 70}) { // 70 categories first: the test's ten get ids 70..79
            Catalog cat = new Catalog(SensitivityPolicy.defaults());
            for (int p = 0; p < padding; p++) {
                cat.putAll(List.of(Item.of("pad" + p, "Pad", List.of("pad" + p))));
            }
            int[] items = new int[60];
            for (int k = 0; k < 60; k++) {
                cat.putAll(List.of(Item.of("i" + k, "I" + k, sets.get(k))));
                items[k] = cat.indexOf(dev.candor.model.ItemId.of("i" + k)).getAsInt();
            }
            int[] order = new MmrDiversifier(cat).order(items, scores, 15, 0.5);
            orders.add(java.util.Arrays.stream(order).mapToObj(c -> "i" + c).toList());
        }
        assertThat(orders.get(1)).isEqualTo(orders.get(0));
        for (int k = 0; k < 200; k++) { // and the two overlaps are the same number
            int[] a = rnd.ints(rnd.nextInt(6), 0, 64).distinct().sorted().toArray();
            int[] b = rnd.ints(rnd.nextInt(6), 0, 64).distinct().sorted().toArray();
            long ma = 0;
            long mb = 0;
            for (int x : a) {
                ma |= 1L << x;
            }
            for (int x : b) {
                mb |= 1L << x;
            }
            assertThat(MmrDiversifier.jaccard(ma, mb)).isEqualTo(MmrDiversifier.jaccard(a, b));
        }
    }

    @Test
    void jaccard_ofCategorySets() {
        assertThat(MmrDiversifier.jaccard(new int[] {0, 1}, new int[] {1, 2})).isEqualTo(1.0 / 3);
        assertThat(MmrDiversifier.jaccard(new int[0], new int[0])).isZero();
    }
}
