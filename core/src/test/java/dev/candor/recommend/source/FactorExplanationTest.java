package dev.candor.recommend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.model.ConsentState;
import dev.candor.model.Item;
import dev.candor.model.Preferences;
import dev.candor.model.SubjectId;
import dev.candor.profile.DecayPolicy;
import dev.candor.profile.History;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.InteractionMatrix;
import dev.candor.recommend.PersonalizationLevel;
import dev.candor.recommend.SourceQuery;
import dev.candor.recommend.UserState;
import dev.candor.recommend.WeightedHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * EASE and iALS explanations are faithful: each candidate's evidence (one per history item) adds up
 * to the candidate's score, and that score is the model's own score for the item.
 */
class FactorExplanationTest {
    private static final int ITEMS = 40;
    private final Catalog catalog = new Catalog(SensitivityPolicy.defaults());
    private final InteractionMatrix train;

    FactorExplanationTest() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(Item.of("i" + i, "Item " + i, List.of(i < 20 ? "a" : "b")));
        }
        catalog.putAll(items);
        SplittableRandom rnd = new SplittableRandom(3);
        InteractionMatrix.Builder b = InteractionMatrix.builder(120, ITEMS);
        for (int u = 0; u < 120; u++) {
            int base = u % 2 == 0 ? 0 : 20;
            for (int k = 0; k < 8; k++) {
                b.add(u, base + rnd.nextInt(20), 1f);
            }
            b.add(u, rnd.nextInt(ITEMS), 1f);
        }
        train = b.build();
    }

    private SourceQuery query(int... history) {
        double[] w = new double[history.length];
        byte[] kinds = new byte[history.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1 + k * 0.5; // uneven weights, as decayed evidence is
        }
        UserState user = new UserState(SubjectId.of("ab".repeat(32)), ConsentState.DEFAULT, Preferences.NONE, History.EMPTY, Set.of(),
                Set.of(), Instant.EPOCH);
        return new SourceQuery(user, WeightedHistory.of(history, w, kinds), PersonalizationLevel.FULL, i -> true, Optional.empty());
    }

    @Test
    void ease_evidenceAddsUpToTheModelsScore() {
        easeAddsUp(EaseModel.fit(train, 20));
    }

    @Test
    void edlae_evidenceAddsUpToTheModelsScore() {
        easeAddsUp(EaseModel.fit(train, 20, 0.5));
    }

    @Test
    void prunedEase_evidenceAddsUpToThePrunedModelsScore() {
        easeAddsUp(EaseModel.fit(train, 20, 0, 5));
    }

    private void easeAddsUp(EaseModel m) {
        SourceQuery q = query(1, 4, 7, 25);
        List<Candidate> cands = new EaseSource(() -> m, catalog, DecayPolicy.defaults()).candidates(q, 10);
        assertThat(cands).isNotEmpty();
        float[] direct = new float[ITEMS];
        m.score(new int[] {1, 4, 7, 25}, new float[] {1f, 1.5f, 2f, 2.5f}, direct);
        for (Candidate c : cands) {
            double sum = c.reason().evidence().stream().mapToDouble(Evidence::weight).sum();
            assertThat(sum).isCloseTo(c.reason().weight(), within(1e-12)).isCloseTo(direct[c.item()], within(1e-4));
            assertThat(c.reason()).isInstanceOf(Reason.BecauseYouInteracted.class);
            assertThat(c.score()).isCloseTo(c.reason().weight(), within(1e-12)); // ranked by the number it is explained by
        }
    }

    @Test
    void ials_huKorenVolinskyDecompositionAddsUpToTheFoldedInScore() {
        ialsAddsUp(new IalsModel.Params(8, 10, 5.0, 1.0, 7));
    }

    @Test
    void ials_withFrequencyScaledPenalty_stillAddsUp() {
        ialsAddsUp(new IalsModel.Params(8, 10, 5.0, 0.01, 1.0, 7));
    }

    private void ialsAddsUp(IalsModel.Params p) {
        IalsModel m = IalsModel.train(train, p);
        int[] history = {1, 4, 7, 25};
        SourceQuery q = query(history);
        List<Candidate> cands = new IalsSource(() -> m, catalog, DecayPolicy.defaults()).candidates(q, 10);
        assertThat(cands).isNotEmpty();
        IalsModel.FoldIn user = m.foldIn(history);
        for (Candidate c : cands) {
            double sum = c.reason().evidence().stream().mapToDouble(Evidence::weight).sum();
            assertThat(sum).isCloseTo(user.score(c.item()), within(1e-9 + 1e-9 * Math.abs(sum)));
            assertThat(c.reason().evidence()).hasSizeLessThanOrEqualTo(history.length);
            assertThat(c.score()).isEqualTo(user.score(c.item())); // ranked by the folded-in score, explained by its decomposition
        }
    }

    @Test
    void reasonText_namesOnlyItemsThatSpeakForTheItem() {
        Reason r = new Reason.BecauseYouInteracted(List.of(new Evidence(Evidence.Kind.ITEM, "x", "Heat", "watched", 0.6),
                new Evidence(Evidence.Kind.ITEM, "y", "Ronin", "watched", 0.3), new Evidence(Evidence.Kind.ITEM, "z", "Cats", "watched", -0.2)));
        assertThat(r.text()).isEqualTo("Because you watched Heat and Ronin");
        assertThat(r.weight()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void aLongHistory_namesTheFiveStrongestItems_andSumsTheRestIntoOneEvidence_stillAddingUp() {
        EaseModel m = EaseModel.fit(train, 20);
        int[] history = new int[25];
        for (int k = 0; k < history.length; k++) {
            history[k] = k;
        }
        List<Candidate> cands = new EaseSource(() -> m, catalog, DecayPolicy.defaults()).candidates(query(history), 5);
        float[] direct = new float[ITEMS];
        float[] weights = new float[history.length];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = (float) (1 + k * 0.5);
        }
        m.score(history, weights, direct);
        for (Candidate c : cands) {
            assertThat(c.reason().evidence()).hasSize(6);
            assertThat(c.reason().evidence().getLast().label()).isEqualTo("20 other items in your history");
            assertThat(c.reason().weight()).isCloseTo(direct[c.item()], within(1e-3));
            assertThat(c.reason().text()).doesNotContain("other items");
        }
    }
}
