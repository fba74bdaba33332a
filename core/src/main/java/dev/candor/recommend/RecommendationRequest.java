package dev.candor.recommend;

import dev.candor.model.Context;
import dev.candor.model.SubjectId;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for recommendations.
 *
 * @param subject  who asks
 * @param n        how many items, 1 to 100
 * @param category restrict to one category (also the only way a sensitive category is shown unasked)
 * @param surface  where they will be shown (home, product page…), for reporting
 * @param session  the pseudonymized session, if any
 * @param context  the request's coarse context (used only with context consent)
 */
public record RecommendationRequest(SubjectId subject, int n, Optional<String> category, Optional<String> surface,
                                    Optional<String> session, dev.candor.model.Context context) {
    public static final int MAX_N = 100;

    public RecommendationRequest {
        Objects.requireNonNull(subject, "subject");
        if (n < 1 || n > MAX_N) {
            throw new IllegalArgumentException("n must be between 1 and " + MAX_N + ". Provided value: " + n);
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(context, "context");
    }

    public static RecommendationRequest of(SubjectId subject, int n) {
        return new RecommendationRequest(subject, n, Optional.empty(), Optional.empty(), Optional.empty(), Context.NONE);
    }
}
