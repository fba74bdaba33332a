package dev.candor.experiment;

import java.util.Locale;

/**
 * What is measured per variant. Each is a proportion: impression metrics count impressions
 * (recommendation responses) with at least one such outcome attributed through their request id;
 * subject metrics count participants who did it after their first exposure.
 */
public enum ExperimentMetric {
    /** Impressions with at least one click. */
    CTR(Unit.IMPRESSION, false),
    /** Impressions with at least one conversion. */
    CONVERSION(Unit.IMPRESSION, false),
    /** Impressions answered with "too personal" feedback. */
    TOO_PERSONAL(Unit.IMPRESSION, true),
    /** Impressions answered with "not interested" feedback. */
    NOT_INTERESTED(Unit.IMPRESSION, true),
    /** Participants who withdrew any consent purpose after first exposure. */
    OPT_OUT(Unit.SUBJECT, true),
    /** Participants who corrected their profile (not me, removed interest, deleted event, edited preferences). */
    CORRECTION(Unit.SUBJECT, true),
    /** Participants who asked for erasure. */
    ERASURE(Unit.SUBJECT, true);

    /** What a metric's denominator counts. */
    public enum Unit { IMPRESSION, SUBJECT }

    private final Unit unit;
    private final boolean trustSignal;

    ExperimentMetric(Unit unit, boolean trustSignal) {
        this.unit = unit;
        this.trustSignal = trustSignal;
    }

    public Unit unit() {
        return unit;
    }

    /** {@return whether a higher rate means lost trust (may be a guardrail)} */
    public boolean isTrustSignal() {
        return trustSignal;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
