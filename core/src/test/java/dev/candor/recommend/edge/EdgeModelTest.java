package dev.candor.recommend.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.model.EventType;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.profile.DecayPolicy;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.source.ItemKnnModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EdgeModelTest {
    private final Catalog catalog = new Catalog(SensitivityPolicy.defaults());

    /** Items x0..x7, x7 in the sensitive category health; people who like runs of neighbouring items. */
    private ItemKnnModel served() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add(Item.of("x" + i, "Item " + i, List.of(i == 7 ? "health" : "c" + (i % 2))));
        }
        catalog.putAll(items);
        List<int[]> people = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            int a = p % 7;
            people.add(java.util.stream.IntStream.of(a, (a + 1) % 8, (a + 2) % 8, p % 3 == 0 ? 7 : a).distinct().sorted().toArray());
        }
        return ItemKnnModel.train(people, 8, 5, 0);
    }

    @Test
    void quantization_staysWithinHalfAStep_andKeepsTheStrongestNeighbours() {
        ItemKnnModel knn = served();
        EdgeModel edge = EdgeModel.of(knn, catalog, 3, Instant.EPOCH);
        assertThat(edge.size()).as("the sensitive item is left out").isEqualTo(7);
        for (int p = 0; p < edge.size(); p++) {
            int i = edge.catalogIndex(p);
            assertThat(edge.neighbours(p).length).isLessThanOrEqualTo(3);
            double weakestKept = Double.MAX_VALUE;
            for (int t = 0; t < edge.neighbours(p).length; t++) {
                int j = edge.catalogIndex(edge.neighbours(p)[t]);
                assertThat(j).isNotEqualTo(7);
                double exact = knn.similarity(i, j);
                weakestKept = Math.min(weakestKept, exact);
                assertThat(EdgeModel.dequantize(edge.codes(p)[t], edge.scale())).isCloseTo((float) exact, Offset.offset(edge.scale() / 2 + 1e-7f));
                assertThat(edge.asKnnModel().similarity(i, j)).isEqualTo(EdgeModel.dequantize(edge.codes(p)[t], edge.scale()));
            }
            for (int t = 0; t < knn.neighbours(i).length; t++) {
                int j = knn.neighbours(i)[t];
                boolean kept = edge.asKnnModel().similarity(i, j) != 0;
                if (!kept && j != 7) {
                    assertThat(knn.similarities(i)[t]).as("a dropped neighbour is no stronger than a kept one").isLessThanOrEqualTo((float) weakestKept);
                }
            }
        }
        assertThat(java.util.Arrays.stream(edge.codes(0)).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(1, 255));
        assertThatThrownBy(() -> EdgeModel.of(knn, catalog, 0, Instant.EPOCH)).hasMessageContaining("k must be >= 1");
    }

    @Test
    void recommend_sumsBaseWeightsPerItem_andExplainsWithExactContributions() {
        EdgeModel edge = EdgeModel.of(served(), catalog, 4, Instant.EPOCH);
        DecayPolicy decay = DecayPolicy.defaults();
        List<EdgeModel.Event> events = List.of(new EdgeModel.Event(ItemId.of("x1"), EventType.VIEW, Optional.empty()),
                new EdgeModel.Event(ItemId.of("x1"), EventType.PURCHASE, Optional.empty()),
                new EdgeModel.Event(ItemId.of("x3"), EventType.RATING, Optional.of(5.0)),
                new EdgeModel.Event(ItemId.of("x4"), EventType.RATING, Optional.of(2.0)), // weighs nothing: ignored
                new EdgeModel.Event(ItemId.of("x7"), EventType.VIEW, Optional.empty()), // sensitive: not in the model
                new EdgeModel.Event(ItemId.of("unknown"), EventType.VIEW, Optional.empty()));
        List<Candidate> out = edge.recommend(events, 10, catalog, decay);
        assertThat(out).isNotEmpty();
        int x1 = catalog.indexOf(ItemId.of("x1")).getAsInt();
        int x3 = catalog.indexOf(ItemId.of("x3")).getAsInt();
        for (Candidate c : out) {
            assertThat(c.item()).isNotIn(x1, x3, catalog.indexOf(ItemId.of("x7")).getAsInt());
            double expected = 4.0 * edge.asKnnModel().similarity(x1, c.item()) + 3.0 * edge.asKnnModel().similarity(x3, c.item());
            assertThat(c.score()).isCloseTo(expected, Offset.offset(1e-12));
            c.reason().evidence().forEach(e -> assertThat(e.relation()).isIn("bought", "rated"));
        }
        for (int k = 1; k < out.size(); k++) {
            assertThat(out.get(k).score()).isLessThanOrEqualTo(out.get(k - 1).score());
        }
    }
}
