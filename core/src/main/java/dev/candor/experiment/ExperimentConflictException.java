package dev.candor.experiment;

import java.util.Locale;
import java.util.Objects;

/** Thrown by {@link ExperimentService#create} when an experiment cannot be stored as defined. */
public final class ExperimentConflictException extends IllegalStateException {
    /** What the new experiment conflicts with. */
    public enum Kind {
        /** An experiment with this id exists. */
        ID_TAKEN,
        /** Another experiment that is scheduled or running could cover the same requests. */
        OVERLAP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final ExperimentId other;

    public ExperimentConflictException(Kind kind, ExperimentId other) {
        super(kind == Kind.ID_TAKEN ? "an experiment with this id exists"
                : "experiment " + other + " is scheduled or running on an overlapping surface; stop it first or choose other surfaces");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.other = Objects.requireNonNull(other, "other");
    }

    public Kind kind() {
        return kind;
    }

    /** {@return the experiment conflicted with} */
    public ExperimentId other() {
        return other;
    }
}
