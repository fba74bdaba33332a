package dev.candor.trust;

import java.util.Locale;
import java.util.Objects;

/**
 * One observation behind a dimension's score.
 *
 * @param status   whether the practice is in place
 * @param text     what was found and, for a gap, what to do
 * @param evidence what it rests on: the observed answer, setting or metric, and the published
 *                 figure (with source) that makes it matter, when there is one
 */
public record Finding(Status status, String text, String evidence) {
    /** Whether a practice is in place. */
    public enum Status {
        MET, PARTIAL, GAP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(evidence, "evidence");
    }
}
