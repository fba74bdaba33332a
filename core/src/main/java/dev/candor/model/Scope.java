package dev.candor.model;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do. */
public enum Scope {
    /** Send items, events, consent, preferences and feedback. */
    INGEST,
    /** Ask for recommendations and similar items. */
    RECOMMEND,
    /** Everything, including user rights (profile, export, erasure), keys and tokens. */
    ADMIN,
    /** Read aggregate, privacy-protected analytics, trust and fairness metrics. Never per-user data. */
    ANALYST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> fromWire(String name) {
        for (Scope s : values()) {
            if (s.wireName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
