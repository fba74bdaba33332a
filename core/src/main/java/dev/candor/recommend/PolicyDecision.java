package dev.candor.recommend;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link PersonalizationPolicy} decided for one request.
 *
 * @param level    how personal the response may be
 * @param weights  blend weight per source name; sources not named are not asked
 * @param fallback when the response leans on non-personal sources, a sentence saying why
 */
public record PolicyDecision(PersonalizationLevel level, Map<String, Double> weights, Optional<String> fallback) {
    public PolicyDecision {
        Objects.requireNonNull(level, "level");
        weights = Map.copyOf(weights);
        Objects.requireNonNull(fallback, "fallback");
    }
}
