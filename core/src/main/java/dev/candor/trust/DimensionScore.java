package dev.candor.trust;

import java.util.List;
import java.util.Objects;

/**
 * A dimension's score.
 *
 * @param dimension which
 * @param name      its human-readable name
 * @param score     0–100: the points earned over the points possible, rounded
 * @param findings  one per check, gaps first
 */
public record DimensionScore(Dimension dimension, String name, int score, List<Finding> findings) {
    public DimensionScore {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(name, "name");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be in [0, 100]. Provided value: " + score);
        }
        findings = List.copyOf(findings);
    }
}
