package dev.candor.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.model.ConsentState;
import dev.candor.model.Preferences;
import dev.candor.model.SubjectId;
import dev.candor.profile.History;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The full-level weights a policy serves with are the configured ones (what {@code candor evaluate --tune} chose). */
class FullWeightsTest {
    private static final UserState USER = new UserState(SubjectId.of("cd".repeat(32)), ConsentState.DEFAULT, Preferences.NONE,
            History.EMPTY, Set.of(), Set.of(), Instant.EPOCH);

    private static WeightedHistory evidence(int n) {
        int[] items = new int[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            items[k] = k;
            w[k] = 1;
        }
        return WeightedHistory.of(items, w, new byte[n]);
    }

    @Test
    void configuredWeights_areUsedAtFullWithEnoughEvidence_andTheDefaultIsFullWeights() {
        Map<String, Double> tuned = Map.of("ease", 1.0, "ials", 2.0, "popular", 0.0, "content", 0.1);
        PolicyDecision d = new PersonalizationPolicy(tuned).decide(USER, PersonalizationLevel.FULL, evidence(10));
        assertThat(d.weights()).isEqualTo(tuned);
        assertThat(new PersonalizationPolicy().decide(USER, PersonalizationLevel.FULL, evidence(10)).weights())
                .isEqualTo(PersonalizationPolicy.FULL_WEIGHTS);
        // thin evidence keeps its own, popular-leaning weights
        assertThat(new PersonalizationPolicy(tuned).decide(USER, PersonalizationLevel.FULL, evidence(2)).weights().get("popular")).isPositive();
        assertThatThrownBy(() -> new PersonalizationPolicy(Map.of("ease", -1.0))).isInstanceOf(IllegalArgumentException.class);
    }
}
