package dev.candor.experiment;

import java.util.Locale;
import java.util.Optional;

/**
 * How a variant builds its recommendations. The wire name is the lowercase constant name. Every
 * strategy runs inside the subject's consent: a personal strategy for a subject who did not grant
 * personalization still yields non-personal results.
 */
public enum Strategy {
    /** The engine's normal blend of algorithmic sources; what subjects outside any experiment get. */
    HYBRID,
    /** Only human-picked collections (curated lists), no algorithmic ranking. */
    CURATED,
    /** The hybrid blend with curated collections mixed in. */
    HYBRID_PLUS_CURATED,
    /** The same non-personal (popular) list for everyone: the baseline personalization is measured against. */
    NON_PERSONAL_CONTROL;

    /** The strategy served to subjects who do not take part in an experiment. */
    public static final Strategy DEFAULT = HYBRID;

    /** {@return whether this strategy serves curated collections} */
    public boolean usesCurated() {
        return this == CURATED || this == HYBRID_PLUS_CURATED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Strategy> fromWire(String name) {
        for (Strategy s : values()) {
            if (s.wireName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
