package dev.candor.experiment;

/** Something a participant did that is not tied to one response: counted once per participation. */
public enum SubjectOutcome {
    /** Withdrew any consent purpose. */
    OPTED_OUT,
    /** Corrected their profile: "not me", removed an inferred interest, deleted an event, edited preferences. */
    CORRECTED,
    /** Asked for erasure. */
    ERASED
}
