package dev.candor.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateTest {
    private static Reason because(double... weights) {
        List<Evidence> e = new java.util.ArrayList<>();
        for (int k = 0; k < weights.length; k++) {
            e.add(new Evidence(Evidence.Kind.ITEM, "h" + k, "Item " + k, "viewed", weights[k]));
        }
        return new Reason.BecauseYouInteracted(e);
    }

    @Test
    void deferred_buildsTheReasonOnce_onFirstUse() {
        int[] built = {0};
        Candidate c = Candidate.deferred(3, 0.75, () -> {
            built[0]++;
            return because(0.5, 0.25);
        });
        assertThat(c.score()).isEqualTo(0.75);
        assertThat(built[0]).isZero();
        assertThat(c.reason().weight()).isEqualTo(0.75);
        c.reason();
        assertThat(built[0]).isEqualTo(1);
    }

    @Test
    void deferred_reasonThatDoesNotAddUpToTheScore_isRefused() {
        Candidate c = Candidate.deferred(3, 0.8, () -> because(0.5, 0.25));
        assertThatThrownBy(c::reason).isInstanceOf(IllegalStateException.class).hasMessageContaining("add up");
    }

    @Test
    void deferred_roundingDifference_isAccepted() {
        Candidate c = Candidate.deferred(3, 0.1 + 0.2, () -> because(0.2, 0.1));
        assertThat(c.reason().weight()).isEqualTo(0.2 + 0.1);
    }

    @Test
    void eager_scoreIsTheReasonsWeight() {
        assertThat(new Candidate(1, because(0.5, 0.25)).score()).isEqualTo(0.75);
    }
}
