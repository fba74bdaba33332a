package dev.candor.recommend.blend;

import dev.candor.recommend.Candidate;
import java.util.List;
import java.util.Objects;

/**
 * One source's candidates and the blend weight it gets for this request.
 *
 * @param source     the source's name
 * @param weight     its blend weight, ≥ 0
 * @param candidates its candidates, best first
 */
public record SourceResult(String source, double weight, List<Candidate> candidates) {
    public SourceResult {
        Objects.requireNonNull(source, "source");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be >= 0 and finite. Provided value: " + weight);
        }
        candidates = List.copyOf(candidates);
    }
}
