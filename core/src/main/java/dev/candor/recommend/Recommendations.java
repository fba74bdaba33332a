package dev.candor.recommend;

import dev.candor.profile.SessionIntent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A response: the items with their reasons, how personal it was, the data categories that actually
 * influenced it, why it fell back to non-personal sources if it did, and the experiment variant
 * that chose its strategy when the subject takes part in one.
 */
public record Recommendations(String requestId, PersonalizationLevel level, List<ScoredItem> items,
                              Set<DataCategory> dataUsed, Optional<String> fallback,
                              Optional<SessionIntent> intent, Optional<Arm> arm) {
    /** The experiment and variant a response was served under. */
    public record Arm(String experiment, String variant) {
        public Arm {
            Objects.requireNonNull(experiment, "experiment");
            Objects.requireNonNull(variant, "variant");
        }
    }

    /** A response outside any experiment. */
    public Recommendations(String requestId, PersonalizationLevel level, List<ScoredItem> items,
                           Set<DataCategory> dataUsed, Optional<String> fallback, Optional<SessionIntent> intent) {
        this(requestId, level, items, dataUsed, fallback, intent, Optional.empty());
    }

    /** {@return this response marked as served under {@code arm}} */
    public Recommendations withArm(Arm arm) {
        return new Recommendations(requestId, level, items, dataUsed, fallback, intent, Optional.of(arm));
    }

    public Recommendations {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(level, "level");
        items = List.copyOf(items);
        dataUsed = Set.copyOf(dataUsed);
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(intent, "intent");
    }
}
