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
    void jaccard_ofCategorySets() {
        assertThat(MmrDiversifier.jaccard(new int[] {0, 1}, new int[] {1, 2})).isEqualTo(1.0 / 3);
        assertThat(MmrDiversifier.jaccard(new int[0], new int[0])).isZero();
    }
}
