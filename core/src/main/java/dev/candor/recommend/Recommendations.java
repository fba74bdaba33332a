package dev.candor.recommend;

import dev.candor.profile.SessionIntent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A response: the items with their reasons, how personal it was, the data categories that actually
 * influenced it, and why it fell back to non-personal sources if it did.
 */
public record Recommendations(String requestId, PersonalizationLevel level, List<ScoredItem> items,
                              Set<DataCategory> dataUsed, Optional<String> fallback,
                              Optional<SessionIntent> intent) {
    public Recommendations {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(level, "level");
        items = List.copyOf(items);
        dataUsed = Set.copyOf(dataUsed);
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(intent, "intent");
    }
}
