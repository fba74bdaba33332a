package dev.candor.recommend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.experiment.Strategy;
import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.model.ConsentState;
import dev.candor.model.CuratedCollection;
import dev.candor.model.Item;
import dev.candor.model.ItemId;
import dev.candor.model.Preferences;
import dev.candor.model.SubjectId;
import dev.candor.profile.History;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.recommend.PolicyDecision;
import dev.candor.recommend.SourceQuery;
import dev.candor.recommend.Treatment;
import dev.candor.recommend.UserState;
import dev.candor.recommend.WeightedHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class CuratedSourceTest {
    private final Catalog catalog = new Catalog(SensitivityPolicy.defaults());
    private final UserState user = new UserState(SubjectId.of("ab".repeat(32)), ConsentState.DEFAULT, Preferences.NONE, History.EMPTY,
            java.util.Set.of(), java.util.Set.of(), Instant.EPOCH);

    CuratedSourceTest() {
        catalog.putAll(List.of(Item.of("x", "X", List.of()), Item.of("y", "Y", List.of()), Item.of("z", "Z", List.of()),
                Item.of("w", "W", List.of())));
    }

    private static CuratedCollection col(String id, String title, String... items) {
        return new CuratedCollection(id, title, java.util.Arrays.stream(items).map(ItemId::of).toList(), Instant.EPOCH);
    }

    private List<Candidate> run(List<String> named, IntPredicate accept) {
        CuratedSource s = new CuratedSource(() -> List.of(col("a", "Alpha", "x", "y", "z", "gone"), col("b", "Beta", "y", "w")), catalog);
        return s.candidates(new SourceQuery(user, WeightedHistory.EMPTY, PersonalizationLevel.NONE, accept, Optional.empty(),
                dev.candor.model.Context.NONE, named), 10);
    }

    private int idx(String id) {
        return catalog.indexOf(ItemId.of(id)).orElseThrow();
    }

    @Test
    void everyCollection_scoresOneOverRankPlusOne_summedAcrossCollections_withOneEvidencePerCollection() {
        // A = [x, y, z, gone], B = [y, w]: y = 1/2 + 1/1 = 1.5, x = 1, w = 1/2, z = 1/3; "gone" is not in the catalog
        List<Candidate> c = run(List.of(), i -> true);
        assertThat(c).extracting(Candidate::item).containsExactly(idx("y"), idx("x"), idx("w"), idx("z"));
        assertThat(c).extracting(Candidate::score).containsExactly(1.5, 1.0, 0.5, 1.0 / 3);
        Reason.Curated y = (Reason.Curated) c.getFirst().reason();
        assertThat(y.collection()).isEqualTo("Beta"); // it ranks first in Beta, second in Alpha
        assertThat(y.text()).isEqualTo("Picked by our team for \"Beta\"");
        assertThat(y.evidence()).extracting(Evidence::ref, Evidence::relation, Evidence::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "#2", 0.5), org.assertj.core.groups.Tuple.tuple("b", "#1", 1.0));
        assertThat(y.weight()).isCloseTo(c.getFirst().score(), within(1e-15));
    }

    @Test
    void namedCollectionsOnly_andFilteredItemsSkipped_positionsStillCount() {
        List<Candidate> c = run(List.of("a"), i -> i != idx("x"));
        assertThat(c).extracting(Candidate::item).containsExactly(idx("y"), idx("z"));
        assertThat(c).extracting(Candidate::score).containsExactly(0.5, 1.0 / 3); // y is still #2 of Alpha
        assertThat(run(List.of("unknown"), i -> true)).isEmpty();
    }

    @Test
    void treatment_rewritesTheDecisionPerStrategy() {
        PolicyDecision d = new PolicyDecision(PersonalizationLevel.FULL, Map.of("ease", 1.0, "popular", 0.05), Optional.empty());
        assertThat(Treatment.NONE.apply(d)).isEqualTo(d);
        PolicyDecision curated = new Treatment(Strategy.CURATED, List.of("a")).apply(d);
        assertThat(curated.weights()).isEqualTo(Map.of("curated", 1.0, "popular", Treatment.FILL_WEIGHT));
        assertThat(curated.diversity()).isEqualTo(1.0);
        assertThat(new Treatment(Strategy.HYBRID_PLUS_CURATED, List.of()).apply(d).weights())
                .isEqualTo(Map.of("ease", 1.0, "popular", 0.05, "curated", Treatment.CURATED_WEIGHT));
        Treatment control = new Treatment(Strategy.NON_PERSONAL_CONTROL, List.of());
        assertThat(control.level(PersonalizationLevel.FULL)).isEqualTo(PersonalizationLevel.NONE);
        assertThat(control.apply(d).fallback()).contains(Treatment.CONTROL_FALLBACK);
        assertThat(Treatment.NONE.level(PersonalizationLevel.LIGHT)).isEqualTo(PersonalizationLevel.LIGHT);
    }
}
