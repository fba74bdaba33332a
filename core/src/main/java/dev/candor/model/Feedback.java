package dev.candor.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of explicit feedback.
 *
 * @param id        engine-assigned
 * @param subject   who gave it
 * @param item      on which item
 * @param signal    what they said
 * @param at        when
 * @param requestId the recommendation response it answers, when known (for attribution)
 */
public record Feedback(long id, SubjectId subject, ItemId item, FeedbackSignal signal, Instant at,
                       Optional<String> requestId) {
    public Feedback {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(requestId, "requestId");
    }
}
