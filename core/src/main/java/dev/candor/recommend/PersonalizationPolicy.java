package dev.candor.recommend;

import dev.candor.model.Intensity;
import dev.candor.model.Purpose;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the personalization level and source weights of a request from consent, the subject's
 * chosen intensity and the evidence available:
 * <ul>
 *   <li>{@code NONE} when personalization is not granted or intensity is {@code off}: popular only;</li>
 *   <li>{@code LIGHT} when behaviour may not be used (not granted, or intensity {@code low}):
 *       stated preferences, with popular as a fallback;</li>
 *   <li>{@code FULL} otherwise: item-based CF on the subject's evidence, content on stated and
 *       learned interests, popular; with fewer than {@link #THIN_EVIDENCE} evidence items the
 *       blend leans on popular and says so.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class PersonalizationPolicy {
    /** Fewer distinct evidence items than this is thin evidence. */
    public static final int THIN_EVIDENCE = 3;

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

    /** {@return the decision for a subject at {@code level} with {@code evidence}} */
    public PolicyDecision decide(UserState user, PersonalizationLevel level, WeightedHistory evidence) {
        return switch (level) {
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

    private static PolicyDecision full(UserState user, WeightedHistory evidence) {
        boolean medium = user.preferences().intensity() == Intensity.MEDIUM;
        if (evidence.size() < THIN_EVIDENCE) {
            return new PolicyDecision(PersonalizationLevel.FULL, Map.of("itemknn", 0.5, "content", 0.5, "popular", 0.6, "category", 0.05),
                    Optional.of("We know little about your activity yet, so popular items fill in."));
        }
        return medium
                ? new PolicyDecision(PersonalizationLevel.FULL, Map.of("itemknn", 0.6, "content", 0.4, "popular", 0.15, "category", 0.05), Optional.empty())
                : new PolicyDecision(PersonalizationLevel.FULL, Map.of("itemknn", 1.0, "content", 0.4, "popular", 0.1, "category", 0.05), Optional.empty());
    }
}
