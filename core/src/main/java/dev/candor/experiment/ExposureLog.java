package dev.candor.experiment;

import dev.candor.model.SubjectId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Impressions served under experiments and what followed them: the attribution store. The SQL
 * implementation keeps one row per impression (request id, experiment, variant, subject, time, and
 * the outcome flags and revenue sums of {@link VariantTotals}) and one row per participation
 * (experiment, variant, subject, first exposure, opted-out / corrected / erased flags).
 *
 * <p>Every mutating method is durable on return and idempotent where it says so. Thread-safe.
 * Privacy: rows are keyed by {@link SubjectId} only, and {@link #unlinkSubject} removes that key
 * (the counts stay, anonymous) — call it on erasure.
 */
public interface ExposureLog {
    /**
     * Records an impression and, at the subject's first impression in the experiment, their
     * participation in the variant. Idempotent: a second impression with the same request id is
     * ignored. {@return whether it was new}
     */
    boolean recordImpression(Impression impression);

    /** {@return the impression with this request id}; empty when unknown or unlinked from its subject */
    Optional<Impression> impression(String requestId);

    /**
     * Attributes an outcome to the impression with this request id: sets its flag (clicked,
     * converted, too personal, not interested) and adds conversion revenue. The caller checks the
     * attribution window. {@return false when no impression has this request id} Outcomes on
     * unlinked impressions may still be counted (they name no one).
     */
    boolean attribute(String requestId, Outcome outcome);

    /**
     * Marks every participation of the subject whose first exposure is at or before {@code at}
     * with the outcome; a participation is marked at most once per outcome.
     * {@return how many participations were newly marked}
     */
    int markSubject(SubjectId subject, SubjectOutcome outcome, Instant at);

    /**
     * Removes the subject key from every impression and participation, keeping their counts as
     * anonymous rows. {@return how many rows were unlinked}
     */
    long unlinkSubject(SubjectId subject);

    /** {@return the totals of each variant that has at least one impression, keyed by variant name} */
    Map<String, VariantTotals> totals(ExperimentId experiment);
}
