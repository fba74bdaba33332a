package dev.candor.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonTest {
    @Test
    void becauseYouInteracted_twoItems_readsNaturally() {
        Reason r = new Reason.BecauseYouInteracted(List.of(
                new Evidence(Evidence.Kind.ITEM, "1", "Heat", "watched", 0.6),
                new Evidence(Evidence.Kind.ITEM, "2", "Ronin", "watched", 0.3)));
        assertThat(r.text()).isEqualTo("Because you watched Heat and Ronin");
        assertThat(r.weight()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void becauseYouInteracted_mixedVerbsAndMore_groupsByVerbStrongestFirst() {
        Reason r = new Reason.BecauseYouInteracted(List.of(
                new Evidence(Evidence.Kind.ITEM, "1", "Heat", "viewed", 0.1),
                new Evidence(Evidence.Kind.ITEM, "2", "Ronin", "bought", 0.5),
                new Evidence(Evidence.Kind.ITEM, "3", "Collateral", "viewed", 0.3),
                new Evidence(Evidence.Kind.ITEM, "4", "Thief", "viewed", 0.05)));
        assertThat(r.text()).isEqualTo("Because you bought Ronin and viewed Collateral and Heat (and 1 more)");
    }

    @Test
    void becauseYouInteracted_namesTheThreeStrongestForIt_tiesInEvidenceOrder_neverAgainstOrTheRest() {
        Reason r = new Reason.BecauseYouInteracted(List.of(
                new Evidence(Evidence.Kind.ITEM, "1", "Heat", "watched", 0.2),
                new Evidence(Evidence.Kind.ITEM, "2", "Ronin", "watched", -0.9), // speaks against: not named
                new Evidence(Evidence.Kind.ITEM, "3", "Collateral", "watched", 0.4),
                new Evidence(Evidence.Kind.ITEM, "4", "Thief", "watched", 0.2), // ties Heat, comes after it
                new Evidence(Evidence.Kind.ITEM, "5", "Manhunter", "watched", 0.2),
                new Evidence(Evidence.Kind.ITEM, "other", "9 other items in your history", "other", 0.7)));
        assertThat(r.text()).isEqualTo("Because you watched Collateral, Heat and Thief (and 1 more)");
    }

    @Test
    void scaled_multipliesEveryEvidenceWeight() {
        Reason r = new Reason.MatchesInterest(List.of(
                new Evidence(Evidence.Kind.CATEGORY, "books", "Books", "stated", 1.0),
                new Evidence(Evidence.Kind.CATEGORY, "books", "Books", "activity", 0.5))).scaled(0.5);
        assertThat(r.evidence()).extracting(Evidence::weight).containsExactly(0.5, 0.25);
        assertThat(r.weight()).isCloseTo(0.75, within(1e-12));
        assertThat(r.text()).isEqualTo("Matches your stated interest in Books and your activity in Books");
    }
}
