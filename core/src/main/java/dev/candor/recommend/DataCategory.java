package dev.candor.recommend;

import java.util.Locale;

/** The categories of data a recommendation can be influenced by; listed in {@code data_used}. */
public enum DataCategory {
    /** What the subject told us: liked categories, stated preferences. */
    EXPLICIT_PREFERENCES,
    /** What the subject did: views, purchases, ratings. */
    BEHAVIORAL,
    /** Device, daypart, coarse region of the request. */
    CONTEXT,
    /** Signals from segments of at least k people. */
    COMMUNITY,
    /** Aggregate popularity across everyone (non-personal). */
    POPULARITY,
    /** Human-curated collections (non-personal). */
    CURATED,
    /** Events of an anonymous session, sent with the request and not stored. */
    SESSION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
