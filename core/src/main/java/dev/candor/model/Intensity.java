package dev.candor.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How much personalization a subject wants, chosen in the preference center. Consent decides
 * what may be used; intensity decides how strongly it is used.
 */
public enum Intensity {
    /** Behavioural signals at full weight. */
    HIGH,
    /** Behavioural signals at reduced weight, more diversity. */
    MEDIUM,
    /** Stated preferences and context only; no behavioural inference. */
    LOW,
    /** Non-personal recommendations. */
    OFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the next lower intensity (OFF stays OFF)} */
    public Intensity lower() {
        return this == OFF ? OFF : values()[ordinal() + 1];
    }

    public static Optional<Intensity> fromWire(String name) {
        for (Intensity i : values()) {
            if (i.wireName().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
