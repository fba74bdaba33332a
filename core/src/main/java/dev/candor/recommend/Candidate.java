package dev.candor.recommend;

import dev.candor.explain.Reason;
import java.util.Objects;

/**
 * One source's proposal of an item: its score is exactly the weight of its reason, so a source
 * cannot score without explaining.
 *
 * @param item   catalog index
 * @param reason why, carrying the score's decomposition into evidence
 */
public record Candidate(int item, Reason reason) {
    public Candidate {
        Objects.requireNonNull(reason, "reason");
    }

    public double score() {
        return reason.weight();
    }
}
