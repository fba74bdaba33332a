package dev.candor.trust;

import java.util.Locale;

/** What the calculator scores. Every dimension weighs the same in the overall score. */
public enum Dimension {
    TRANSPARENCY("Transparency"),
    USER_CONTROL("User control"),
    CONSENT_AND_PURPOSE("Consent and purpose"),
    DATA_MINIMIZATION("Data minimization"),
    SENSITIVE_INFERENCES("Sensitive inferences"),
    DECAY_AND_CONTEXT("Decay and context"),
    DATA_QUALITY("Data quality"),
    HUMAN_OVERSIGHT("Human oversight"),
    TRUST_MEASUREMENT("Trust measurement");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    /** {@return the human-readable name} */
    public String label() {
        return label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
