package dev.candor.experiment;

import dev.candor.model.SubjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Impressions served under experiments and what followed them: the attribution store. The SQL
 * implementation keeps one row per impression (request id, experiment, variant, subject, time, and
 * the outcome flags and revenue sums of {@link VariantTotals}), one row per participation
 * (experiment, variant, subject, first exposure, opted-out / corrected / erased flags), one row
 * per converted (request id, item) so retried conversions count once, and one anonymous totals row
 * per variant holding what erased participants contributed.
 *
 * <p>Every mutating method is durable on return and idempotent where it says so. Thread-safe.
 * Privacy: rows are keyed by {@link SubjectId} only, and {@link #eraseSubject} deletes every row
 * of the subject after adding its counts to the variant's anonymous totals — call it on erasure.
 */
public interface ExposureLog {
    /** An outcome to credit to the impression with {@code requestId}. */
    record Credit(String requestId, Outcome outcome) {
        public Credit {
            Impression.checkRequestId(requestId);
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * One subject's participation in one experiment, as their own view and export show it.
     *
     * @param experiment    the experiment
     * @param variant       the variant they were assigned
     * @param firstExposure their first impression
     * @param impressions   responses served to them under it
     * @param optedOut      counted as an opt-out
     * @param corrected     counted as a correction
     */
    record Participation(ExperimentId experiment, String variant, Instant firstExposure, long impressions, boolean optedOut,
                         boolean corrected) {
        public Participation {
            Objects.requireNonNull(experiment, "experiment");
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(firstExposure, "firstExposure");
        }
    }

    /** {@return the subject's participations, by experiment id} */
    java.util.List<Participation> participations(SubjectId subject);

    /**
     * Records an impression and, at the subject's first impression in the experiment, their
     * participation in the variant. Idempotent: a second impression with the same request id is
     * ignored. {@return whether it was new}
     */
    boolean recordImpression(Impression impression);

    /** {@return the impression with this request id}; empty when unknown or erased */
    Optional<Impression> impression(String requestId);

    /** {@return the known impressions among {@code requestIds}, by request id} */
    default Map<String, Impression> impressions(Collection<String> requestIds) {
        Map<String, Impression> out = new LinkedHashMap<>();
        for (String r : requestIds) {
            impression(r).ifPresent(i -> out.put(r, i));
        }
        return out;
    }

    /**
     * Attributes an outcome to the impression with this request id: sets its flag (clicked,
     * converted, too personal, not interested) and adds conversion revenue — once per converted
     * item when the conversion names one. The caller checks the attribution window and who may
     * credit the impression. {@return false when no impression has this request id}
     */
    boolean attribute(String requestId, Outcome outcome);

    /**
     * Attributes several outcomes in one durable write (what ingest uses for a batch of events).
     * {@return how many named a known impression}
     */
    default int attributeAll(List<Credit> credits) {
        int n = 0;
        for (Credit c : credits) {
            n += attribute(c.requestId(), c.outcome()) ? 1 : 0;
        }
        return n;
    }

    /**
     * Marks every participation of the subject whose first exposure is at or before {@code at}
     * with the outcome; a participation is marked at most once per outcome.
     * {@return how many participations were newly marked}
     */
    int markSubject(SubjectId subject, SubjectOutcome outcome, Instant at);

    /**
     * Erasure: adds the subject's impressions and participations to their variants' anonymous
     * totals, then deletes them and the conversion records of those impressions, so no row names
     * the subject or one of its request ids any more. {@link #totals} are unchanged by it; outcomes
     * that arrive later for those request ids find no impression and are not credited.
     * {@return how many rows were deleted}
     */
    long eraseSubject(SubjectId subject);

    /** {@return the totals of each variant that has at least one impression, keyed by variant name} */
    Map<String, VariantTotals> totals(ExperimentId experiment);
}
