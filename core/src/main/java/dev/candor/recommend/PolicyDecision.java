package dev.candor.recommend;

import dev.candor.profile.SessionIntent;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link PersonalizationPolicy} decided for one request.
 *
 * @param level    how personal the response may be
 * @param weights  blend weight per source name; sources not named are not asked
 * @param fallback when the response leans on non-personal sources, a sentence saying why
 * @param intent    the session intent that adjusted the weights, when one was classified
 * @param diversity MMR's trade-off lambda for the response: 1 keeps the blend's order, lower mixes categories more
 */
public record PolicyDecision(PersonalizationLevel level, Map<String, Double> weights, Optional<String> fallback,
                             Optional<SessionIntent> intent, double diversity) {
    public PolicyDecision(PersonalizationLevel level, Map<String, Double> weights, Optional<String> fallback) {
        this(level, weights, fallback, Optional.empty(), 1.0);
    }

    public PolicyDecision {
        Objects.requireNonNull(level, "level");
        weights = Map.copyOf(weights);
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(intent, "intent");
        if (!(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("diversity is MMR's lambda, in [0, 1]");
        }
    }

    /** {@return this decision with source {@code name} added at {@code weight}} */
    public PolicyDecision withSource(String name, double weight) {
        Map<String, Double> next = new java.util.HashMap<>(weights);
        next.put(name, weight);
        return new PolicyDecision(level, next, fallback, intent, diversity);
    }

    /** {@return this decision with every weight multiplied per source, for {@code intent}, and MMR's lambda set} */
    public PolicyDecision adjustedFor(SessionIntent intent, Map<String, Double> multipliers, double diversity) {
        Map<String, Double> next = new java.util.HashMap<>(weights);
        multipliers.forEach((source, m) -> next.computeIfPresent(source, (k, w) -> w * m));
        return new PolicyDecision(level, next, fallback, Optional.of(intent), diversity);
    }
}
