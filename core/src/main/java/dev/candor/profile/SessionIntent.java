package dev.candor.profile;

import java.util.Locale;

/**
 * What a session looks like it is for, classified from that session's own events by
 * {@link IntentClassifier}. It changes source weights and how much variety a response gets.
 */
public enum SessionIntent {
    /** Looking around across categories: more variety, more of what is popular. */
    BROWSING,
    /** Comparing within one category: alternatives of the same kind, little variety. */
    RESEARCH,
    /** About to buy (something is in the cart): close alternatives and complements, no variety. */
    PURCHASE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
