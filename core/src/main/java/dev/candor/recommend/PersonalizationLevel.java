package dev.candor.recommend;

import java.util.Locale;

/** How personal a response is. */
public enum PersonalizationLevel {
    /** Behaviour, stated preferences and (with consent) context. */
    FULL,
    /** Stated preferences and context only; no behavioural events are read. */
    LIGHT,
    /** Non-personal: the same for everyone. */
    NONE,
    /** An anonymous session: only the events the client sent with the request, nothing stored or read. */
    SESSION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
