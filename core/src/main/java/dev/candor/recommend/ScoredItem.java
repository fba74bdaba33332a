package dev.candor.recommend;

import dev.candor.explain.Reason;
import java.util.List;

/**
 * A recommended item with its final score and the reasons that make it up.
 * Invariant: {@code score == sum of reasons' weights}.
 */
public record ScoredItem(int item, List<Reason> reasons) {
    public ScoredItem {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a recommended item needs at least one reason");
        }
    }

    public double score() {
        double s = 0;
        for (Reason r : reasons) {
            s += r.weight();
        }
        return s;
    }
}
