package dev.candor.recommend.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.ScoredItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearBlendTest {
    private static Candidate popular(int item, double score) {
        return new Candidate(item, new Reason.Popular(List.of(new Evidence(Evidence.Kind.STATISTIC, "popularity", null, "popular", score))));
    }

    private static Candidate knn(int item, double a, double b) {
        return new Candidate(item, new Reason.BecauseYouInteracted(List.of(
                new Evidence(Evidence.Kind.ITEM, "h1", "Heat", "viewed", a),
                new Evidence(Evidence.Kind.ITEM, "h2", "Ronin", "viewed", b))));
    }

    @Test
    void blend_twoSources_matchesHandComputedScores() {
        // knn: item 1 = 2 + 2 = 4 (best), item 2 = 1 + 1 = 2; weight 1 → factor 1/4
        // popular: item 2 = 10 (best), item 3 = 5; weight 0.5 → factor 0.05
        // item 1: 4/4 = 1.0; item 2: 2/4 + 10*0.05 = 0.5 + 0.5 = 1.0; item 3: 5*0.05 = 0.25
        List<ScoredItem> out = LinearBlend.blend(List.of(
                new SourceResult("itemknn", 1.0, List.of(knn(1, 2, 2), knn(2, 1, 1))),
                new SourceResult("popular", 0.5, List.of(popular(2, 10), popular(3, 5)))));
        assertThat(out).extracting(ScoredItem::item).containsExactly(1, 2, 3);
        assertThat(out.get(0).score()).isCloseTo(1.0, within(1e-12));
        assertThat(out.get(1).score()).isCloseTo(1.0, within(1e-12));
        assertThat(out.get(2).score()).isCloseTo(0.25, within(1e-12));
        // item 2's reasons: knn share 0.5 (0.25 + 0.25 per history item) and popular share 0.5
        assertThat(out.get(1).reasons()).hasSize(2);
        Reason knnShare = out.get(1).reasons().getFirst();
        assertThat(knnShare.weight()).isCloseTo(0.5, within(1e-12));
        assertThat(knnShare.evidence()).extracting(Evidence::weight).containsExactly(0.25, 0.25);
    }

    /** One "Because you …" evidence per non-zero term, named after its history position. */
    private static Reason byPosition(double[] terms) {
        List<Evidence> evidence = new java.util.ArrayList<>();
        for (int k = 0; k < terms.length; k++) {
            if (terms[k] != 0) {
                evidence.add(new Evidence(Evidence.Kind.ITEM, "h" + k, "Film " + k, "watched", terms[k]));
            }
        }
        return new Reason.BecauseYouInteracted(evidence);
    }

    private static Candidate sumOver(dev.candor.recommend.WeightedHistory h, int item, double... terms) {
        double score = 0;
        for (double t : terms) {
            score += t;
        }
        return Candidate.fromHistory(item, score, h, terms::clone, LinearBlendTest::byPosition);
    }

    @Test
    void sourcesSummingOverTheSameHistory_makeOneReason_theirScaledTermsAddedPerHistoryItem() {
        var h = dev.candor.recommend.WeightedHistory.of(new int[] {20, 21, 22, 23}, new double[] {1, 1, 1, 1}, new byte[4]);
        // ease: item 1 = 4 (best) → factor 1/4; item 2 = 2. ials: item 1 = 2 (best), weight 2 → factor 1
        List<ScoredItem> out = LinearBlend.blend(List.of(
                new SourceResult("ease", 1.0, List.of(sumOver(h, 1, 3, 1, 0, 0), sumOver(h, 2, 0, 0, 2, 0))),
                new SourceResult("ials", 2.0, List.of(sumOver(h, 1, 0.5, -0.5, 0, 2))),
                new SourceResult("popular", 0.5, List.of(popular(1, 10)))));
        ScoredItem first = out.getFirst();
        assertThat(first.item()).isEqualTo(1);
        // 4/4 + 2·1 + 0.5 = 3.5, of which 3 from the one merged history reason
        assertThat(first.score()).isCloseTo(3.5, within(1e-12));
        List<Reason> history = first.reasons().stream().filter(r -> r instanceof Reason.BecauseYouInteracted).toList();
        assertThat(history).hasSize(1);
        assertThat(history.getFirst().weight()).isCloseTo(3.0, within(1e-12));
        // per history item: 3/4 + 0.5 = 1.25, 1/4 − 0.5 = −0.25, 0, 0 + 2 = 2 (the zero term names nothing)
        assertThat(history.getFirst().evidence()).extracting(Evidence::ref).containsExactly("h0", "h1", "h3");
        assertThat(history.getFirst().evidence()).extracting(Evidence::weight)
                .containsExactly(1.25, -0.25, 2.0);
        // an item only one of them proposes keeps that source's own reason, scaled
        ScoredItem second = out.stream().filter(i -> i.item() == 2).findFirst().orElseThrow();
        assertThat(second.reasons()).singleElement().satisfies(r -> {
            assertThat(r.weight()).isCloseTo(0.5, within(1e-12));
            assertThat(r.evidence()).extracting(Evidence::ref).containsExactly("h2");
        });
    }

    @Test
    void mergedReason_refusesTermsThatDoNotAddUp_orAnotherHistory() {
        var h = dev.candor.recommend.WeightedHistory.of(new int[] {20, 21}, new double[] {1, 1}, new byte[2]);
        var other = dev.candor.recommend.WeightedHistory.of(new int[] {20, 21}, new double[] {1, 1}, new byte[2]);
        Candidate honest = sumOver(h, 1, 1, 1);
        Candidate drifting = Candidate.fromHistory(1, 5.0, h, () -> new double[] {1, 1}, LinearBlendTest::byPosition);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Candidate.mergedReason(List.of(honest, drifting), new double[] {1, 1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("add up");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Candidate.mergedReason(List.of(honest, sumOver(other, 1, 1, 1)), new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blend_zeroWeightOrEmptySource_contributesNothing() {
        List<ScoredItem> out = LinearBlend.blend(List.of(
                new SourceResult("itemknn", 0.0, List.of(knn(1, 2, 2))),
                new SourceResult("content", 1.0, List.of()),
                new SourceResult("popular", 1.0, List.of(popular(3, 5)))));
        assertThat(out).extracting(ScoredItem::item).containsExactly(3);
        assertThat(out.getFirst().score()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void blend_tie_lowerItemFirst() {
        List<ScoredItem> out = LinearBlend.blend(List.of(
                new SourceResult("popular", 1.0, List.of(popular(7, 1), popular(4, 1)))));
        assertThat(out).extracting(ScoredItem::item).containsExactly(4, 7);
    }

    @Test
    void rank_sameItemsAndScoresAsBlend_beforeAnyReasonIsBuilt() {
        int[] built = {0};
        java.util.function.Function<double[], Candidate> deferred = a -> Candidate.deferred((int) a[0], a[1], () -> {
            built[0]++;
            return popular((int) a[0], a[1]).reason();
        });
        List<SourceResult> results = List.of(
                new SourceResult("itemknn", 1.0, List.of(knn(1, 2, 2), knn(2, 1, 1))),
                new SourceResult("popular", 0.5, List.of(deferred.apply(new double[] {2, 10}), deferred.apply(new double[] {3, 5}))));
        List<LinearBlend.Blended> ranked = LinearBlend.rank(results);
        assertThat(built[0]).isZero();
        List<ScoredItem> blended = LinearBlend.blend(results);
        assertThat(ranked).extracting(LinearBlend.Blended::item).containsExactly(1, 2, 3);
        for (int k = 0; k < ranked.size(); k++) {
            assertThat(ranked.get(k).score()).isCloseTo(blended.get(k).score(), within(1e-12));
            assertThat(ranked.get(k).explain()).isEqualTo(blended.get(k));
        }
    }

    @Test
    void rank_withLimit_isThePrefixOfTheFullRanking_tiesAtTheBarToTheLowerItem() {
        List<SourceResult> results = List.of(
                new SourceResult("itemknn", 1.0, List.of(knn(1, 2, 2), knn(2, 1, 1))),
                new SourceResult("popular", 0.5, List.of(popular(2, 10), popular(3, 5))));
        // items 1 and 2 both blend to 1.0
        assertThat(LinearBlend.rank(results, 1)).extracting(LinearBlend.Blended::item).containsExactly(1);
        assertThat(LinearBlend.rank(results, 2)).extracting(LinearBlend.Blended::item).containsExactly(1, 2);
        assertThat(LinearBlend.rank(results, 5)).isEqualTo(LinearBlend.rank(results));
    }
}
