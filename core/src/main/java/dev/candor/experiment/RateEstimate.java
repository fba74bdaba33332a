package dev.candor.experiment;

import java.util.Objects;

/**
 * One variant's rate of one metric.
 *
 * @param metric      what is measured
 * @param count       numerator
 * @param trials      denominator (impressions or participants)
 * @param rate        count / trials (0 when there are no trials)
 * @param confidence  Wilson interval at level 1 - alpha (fixed horizon: valid for one look)
 * @param alwaysValid mSPRT confidence sequence at level 1 - alpha (valid at every look), clipped to [0, 1]
 */
public record RateEstimate(ExperimentMetric metric, long count, long trials, double rate, Interval confidence,
                           Interval alwaysValid) {
    public RateEstimate {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(alwaysValid, "alwaysValid");
    }
}
