package dev.candor.profile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One category the engine believes the subject is interested in, with what that belief rests on.
 *
 * @param category  the category (lowercase)
 * @param share     its share of the subject's current (decayed) behavioural weight, 0–1; 0 when only stated
 * @param stated    whether the subject said so themselves
 * @param evidence  the events behind it, heaviest first (at most {@link #MAX_EVIDENCE})
 */
public record Interest(String category, double share, boolean stated, List<Evidence> evidence) {
    public static final int MAX_EVIDENCE = 10;

    public Interest {
        Objects.requireNonNull(category, "category");
        evidence = List.copyOf(evidence);
    }

    /**
     * One event behind an interest.
     *
     * @param eventId   the stored event's id (the user may delete it)
     * @param item      the item's id
     * @param title     the item's title
     * @param type      the event type
     * @param at        when it happened
     * @param weightNow how much it weighs today, after decay
     */
    public record Evidence(long eventId, String item, String title, String type, Instant at, double weightNow) {
    }
}
