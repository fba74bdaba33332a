package dev.candor.consent;

import java.util.Locale;

/** Why the consent gate dropped a valid event. The wire name is the lowercase constant name. */
public enum DropReason {
    /** No consent was ever recorded for the subject: the privacy-by-default consent grants nothing. */
    NO_CONSENT,
    /** The subject has switched personalization off. */
    PERSONALIZATION_NOT_GRANTED,
    /** The subject has not allowed their behaviour to be kept and used. */
    BEHAVIORAL_NOT_GRANTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
