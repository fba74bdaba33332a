package dev.candor.model;

import java.util.Locale;
import java.util.Optional;

/** Explicit feedback a subject gives on a recommended item. Each acts on the next request. */
public enum FeedbackSignal {
    /** Never show this item again, and stop it (and what only it explained) from shaping other suggestions. */
    NOT_INTERESTED,
    /** The suggestion felt too personal: lowers the subject's personalization intensity one step; a trust signal. */
    TOO_PERSONAL,
    /** "That wasn't me" / "it was a gift": the subject's events on this item stop counting as their interests. */
    NOT_ME,
    /** The suggestion helped. */
    HELPFUL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FeedbackSignal> fromWire(String name) {
        for (FeedbackSignal s : values()) {
            if (s.wireName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
