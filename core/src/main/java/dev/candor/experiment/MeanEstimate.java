package dev.candor.experiment;

import java.util.Objects;

/**
 * A mean with a normal-approximation interval at level 1 - alpha: {@code mean ± z·s/√n}.
 *
 * @param n          observations (impressions)
 * @param mean       sample mean
 * @param confidence interval for the mean
 */
public record MeanEstimate(long n, double mean, Interval confidence) {
    public MeanEstimate {
        Objects.requireNonNull(confidence, "confidence");
    }
}
