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
