package dev.candor.recommend;

import dev.candor.model.Intensity;
import dev.candor.model.Purpose;
import dev.candor.profile.SessionIntent;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the personalization level and source weights of a request from consent, the subject's
 * chosen intensity and the evidence available:
 * <ul>
 *   <li>{@code NONE} when personalization is not granted or intensity is {@code off}: popular only;</li>
 *   <li>{@code LIGHT} when behaviour may not be used (not granted, or intensity {@code low}):
 *       stated preferences, with popular as a fallback;</li>
 *   <li>{@code FULL} otherwise: EASE and iALS on the subject's evidence, content on stated and
 *       learned interests, popular; with fewer than {@link #THIN_EVIDENCE} evidence items the
 *       blend leans on popular and says so.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class PersonalizationPolicy {
    /**
     * Source weights at level {@code full} with enough evidence and intensity {@code high}: the blend
     * {@code candor evaluate} reports as {@code default}.
     */
    public static final Map<String, Double> FULL_WEIGHTS = Map.of("ease", 1.0, "ials", 1.0, "content", 0.1, "community", 0.2,
            "popular", 0.05, "category", 0.05);

    /** Fewer distinct evidence items than this is thin evidence. */
    public static final int THIN_EVIDENCE = 3;

    private final Map<String, Double> fullWeights;

    /** A policy with {@link #FULL_WEIGHTS}. */
    public PersonalizationPolicy() {
        this(FULL_WEIGHTS);
    }

    /**
     * A policy whose level-{@code full} weights (enough evidence, intensity {@code high}) are
     * {@code fullWeights}: those {@code candor evaluate --tune} chose for a data set
     * ({@code EngineConfig.Collaborative#fullWeights}).
     */
    public PersonalizationPolicy(Map<String, Double> fullWeights) {
        fullWeights.forEach((source, w) -> {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be >= 0 and finite. Provided value for " + source + ": " + w);
            }
        });
        this.fullWeights = Map.copyOf(fullWeights);
    }

    /** {@return the weights at level full with enough evidence and intensity high} */
    public Map<String, Double> fullWeights() {
        return fullWeights;
    }

    /** {@return the level the subject's consent and intensity allow, before looking at evidence} */
    public PersonalizationLevel allowedLevel(UserState user) {
        Intensity intensity = user.preferences().intensity();
        if (!user.consent().allows(Purpose.PERSONALIZATION) || intensity == Intensity.OFF) {
            return PersonalizationLevel.NONE;
        }
        if (!user.consent().allows(Purpose.BEHAVIORAL) || intensity == Intensity.LOW) {
            return PersonalizationLevel.LIGHT;
        }
        return PersonalizationLevel.FULL;
    }

    /**
     * How each session intent changes the blend (multipliers per source) and MMR's lambda:
     * browsing mixes categories and leans on what is popular; research stays within the focus
     * (content, little variety); purchase favours close alternatives and complements (item-based CF)
     * and adds no variety.
     */
    static final Map<SessionIntent, Map<String, Double>> INTENT_WEIGHTS = Map.of(
            SessionIntent.BROWSING, Map.of("popular", 1.5, "content", 1.0, "ease", 1.0, "ials", 1.0),
            SessionIntent.RESEARCH, Map.of("popular", 0.7, "content", 1.3, "ease", 1.0, "ials", 1.0),
            SessionIntent.PURCHASE, Map.of("popular", 0.5, "content", 0.8, "ease", 1.3, "ials", 1.3));
    static final Map<SessionIntent, Double> INTENT_DIVERSITY = Map.of(
            SessionIntent.BROWSING, 0.7, SessionIntent.RESEARCH, 0.9, SessionIntent.PURCHASE, 1.0);
    /** MMR's lambda without a session intent: stated interests are mixed a little at LIGHT. */
    static final double LIGHT_DIVERSITY = 0.8;

    /** {@return the decision for a subject at {@code level} with {@code evidence}} */
    public PolicyDecision decide(UserState user, PersonalizationLevel level, WeightedHistory evidence) {
        return decide(user, level, evidence, Optional.empty());
    }

    /**
     * {@return the decision for a subject at {@code level} with {@code evidence}, adjusted for the
     * session's intent when one was classified (only at FULL and SESSION: intent comes from behaviour)}
     */
    public PolicyDecision decide(UserState user, PersonalizationLevel level, WeightedHistory evidence,
                                 Optional<SessionIntent> intent) {
        PolicyDecision base = base(user, level, evidence);
        if (intent.isEmpty() || level != PersonalizationLevel.FULL && level != PersonalizationLevel.SESSION) {
            return level == PersonalizationLevel.LIGHT
                    ? new PolicyDecision(base.level(), base.weights(), base.fallback(), Optional.empty(), LIGHT_DIVERSITY)
                    : base;
        }
        SessionIntent i = intent.get();
        return base.adjustedFor(i, INTENT_WEIGHTS.get(i), INTENT_DIVERSITY.get(i));
    }

    private PolicyDecision base(UserState user, PersonalizationLevel level, WeightedHistory evidence) {
        return switch (level) {
            case SESSION -> evidence.isEmpty()
                    ? new PolicyDecision(level, Map.of("popular", 1.0, "category", 0.05), Optional.of(
                            "This session has no activity yet, so these are popular items."))
                    : new PolicyDecision(level, Map.of("ease", 1.0, "ials", 1.0, "popular", 0.3, "category", 0.05), Optional.empty());
            case NONE -> new PolicyDecision(level, Map.of("popular", 1.0, "category", 0.05), Optional.of(
                    user.consent().known() && !user.consent().allows(Purpose.PERSONALIZATION) || user.preferences().intensity() == Intensity.OFF
                            ? "Personalization is off, so these are popular items, the same for everyone."
                            : "We have no consent to personalize yet, so these are popular items, the same for everyone."));
            case LIGHT -> user.preferences().likedCategories().isEmpty()
                    ? new PolicyDecision(level, Map.of("content", 1.0, "popular", 1.0, "category", 0.05), Optional.of(
                            "Your activity is not used and you have not told us your interests, so these are popular items."))
                    : new PolicyDecision(level, Map.of("content", 1.0, "popular", 0.2, "category", 0.05), Optional.empty());
            case FULL -> full(user, evidence);
        };
    }

    private PolicyDecision full(UserState user, WeightedHistory evidence) {
        boolean medium = user.preferences().intensity() == Intensity.MEDIUM;
        if (evidence.size() < THIN_EVIDENCE) {
            return new PolicyDecision(PersonalizationLevel.FULL, Map.of("ease", 0.5, "ials", 0.5, "content", 0.5, "community", 0.4,
                    "popular", 0.6, "category", 0.05),
                    Optional.of("We know little about your activity yet, so items popular with others fill in."));
        }
        return medium
                ? new PolicyDecision(PersonalizationLevel.FULL, Map.of("ease", 0.6, "ials", 0.6, "content", 0.4, "community", 0.2,
                        "popular", 0.15, "category", 0.05), Optional.empty())
                : new PolicyDecision(PersonalizationLevel.FULL, fullWeights, Optional.empty());
    }
}
