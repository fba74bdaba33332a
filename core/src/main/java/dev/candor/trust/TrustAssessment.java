package dev.candor.trust;

import java.util.List;

/**
 * A trust score.
 *
 * @param overall    0–100: the mean of the dimension scores, rounded
 * @param dimensions every {@link Dimension}, in declaration order
 */
public record TrustAssessment(int overall, List<DimensionScore> dimensions) {
    public TrustAssessment {
        if (overall < 0 || overall > 100) {
            throw new IllegalArgumentException("overall must be in [0, 100]. Provided value: " + overall);
        }
        dimensions = List.copyOf(dimensions);
    }

    /** {@return the score of one dimension} */
    public DimensionScore dimension(Dimension d) {
        return dimensions.stream().filter(s -> s.dimension() == d).findFirst().orElseThrow();
    }
}
