package dev.candor.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The purposes a user can consent to, each separately. The wire name is the lowercase constant
 * name. Every purpose is opt-in: a user the engine has not heard from has granted none
 * ({@link ConsentState#DEFAULT}).
 */
public enum Purpose {
    /** Master switch: recommendations tailored to this person at all. Off means non-personal results. */
    PERSONALIZATION("Tailor recommendations to you at all. When off, everyone sees the same non-personal recommendations."),
    /** Keep and use what the person does (views, purchases, ratings) to infer interests. */
    BEHAVIORAL("Remember what you view, buy and rate, and use it to suggest similar things."),
    /** Use the device type, time of day and coarse region of a request. Precise location is never stored. */
    CONTEXT("Use your device type, time of day and coarse region (never precise location) to adjust suggestions."),
    /** Contribute to and receive "popular with people like you" signals from groups of at least k people. */
    COMMUNITY("Count your activity in anonymous group statistics, and show you what is popular in groups like yours."),
    /** Count the person's activity in aggregate, differentially private analytics. */
    ANALYTICS("Count your activity in aggregate statistics that are noised so that no individual can be singled out."),
    /** Take part in experiments comparing recommendation strategies. */
    EXPERIMENTS("Let us try different recommendation strategies with you and measure which works better.");

    private final String description;

    Purpose(String description) {
        this.description = description;
    }

    /** {@return the wire name, e.g. {@code "behavioral"}} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return a plain-language description of what the purpose allows} */
    public String description() {
        return description;
    }

    /** {@return the purpose with this wire name, if any} */
    public static Optional<Purpose> fromWire(String name) {
        for (Purpose p : values()) {
            if (p.wireName().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
