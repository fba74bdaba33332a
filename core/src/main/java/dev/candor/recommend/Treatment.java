package dev.candor.recommend;

import dev.candor.experiment.Strategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an experiment variant changes one response: its {@link Strategy} rewrites the policy's
 * decision (which sources, at what weights), and for the curated strategies names the collections
 * to draw from. Applied after the policy decided, so a strategy never widens what consent allows.
 * Stateless; thread-safe.
 *
 * <ul>
 *   <li>{@code hybrid}: the decision unchanged;</li>
 *   <li>{@code curated}: the curated source alone, in the curators' order (no diversity
 *       re-ranking); popular items at a small weight ({@value #FILL_WEIGHT}) fill the list when the
 *       collections run out, each explained as popular;</li>
 *   <li>{@code hybrid_plus_curated}: the decision plus the curated source at weight
 *       {@value #CURATED_WEIGHT} (EASE and iALS have 1.0 at full personalization);</li>
 *   <li>{@code non_personal_control}: the engine serves it at level {@code none} (see
 *       {@link #level}), and the fallback sentence says why.</li>
 * </ul>
 *
 * @param strategy    the variant's strategy
 * @param collections for the curated strategies, the collections to use (empty: all)
 */
public record Treatment(Strategy strategy, List<String> collections) {
    /** What everyone outside an experiment gets. */
    public static final Treatment NONE = new Treatment(Strategy.DEFAULT, List.of());
    /** The curated source's blend weight in {@code hybrid_plus_curated}. */
    public static final double CURATED_WEIGHT = 0.5;
    /** Popular's blend weight in {@code curated}: far below any curated item of a collection up to 1000 items. */
    public static final double FILL_WEIGHT = 0.0001;
    /** The fallback sentence of {@code non_personal_control}. */
    public static final String CONTROL_FALLBACK =
            "You are in the comparison group of an experiment that gets non-personal recommendations: popular items, the same for everyone.";

    public Treatment {
        Objects.requireNonNull(strategy, "strategy");
        collections = List.copyOf(collections);
    }

    /** {@return the personalization level to serve at, given the level consent and intensity allow} */
    public PersonalizationLevel level(PersonalizationLevel allowed) {
        return strategy == Strategy.NON_PERSONAL_CONTROL ? PersonalizationLevel.NONE : allowed;
    }

    /** {@return the policy's decision rewritten for this strategy} */
    public PolicyDecision apply(PolicyDecision d) {
        return switch (strategy) {
            case HYBRID -> d;
            case CURATED -> new PolicyDecision(d.level(), Map.of("curated", 1.0, "popular", FILL_WEIGHT), Optional.empty(),
                    d.intent(), 1.0);
            case HYBRID_PLUS_CURATED -> {
                Map<String, Double> w = new HashMap<>(d.weights());
                w.put("curated", CURATED_WEIGHT);
                yield new PolicyDecision(d.level(), w, d.fallback(), d.intent(), d.diversity());
            }
            case NON_PERSONAL_CONTROL -> new PolicyDecision(d.level(), d.weights(), Optional.of(CONTROL_FALLBACK), d.intent(),
                    d.diversity());
        };
    }
}
