package dev.candor.experiment;

import dev.candor.model.SubjectId;
import java.time.Instant;
import java.util.Objects;

/**
 * One recommendation response served to a participant under a variant: the unit outcomes are
 * attributed to through its request id.
 *
 * @param requestId  the response's request id (unique; at most one experiment per response)
 * @param experiment the experiment whose variant chose the strategy
 * @param variant    the variant's name
 * @param subject    who saw it (pseudonymous; unlinked on erasure)
 * @param at         when it was served
 */
public record Impression(String requestId, ExperimentId experiment, String variant, SubjectId subject, Instant at) {
    public static final int MAX_REQUEST_ID = 128;

    public Impression {
        checkRequestId(requestId);
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
    }

    static void checkRequestId(String requestId) {
        if (requestId == null || requestId.isBlank() || requestId.length() > MAX_REQUEST_ID) {
            throw new IllegalArgumentException("request id must be 1 to " + MAX_REQUEST_ID + " characters");
        }
    }
}
