package dev.candor.experiment;

import java.util.Objects;
import java.util.Optional;

/**
 * A variant against the control on one metric. The lift is absolute: rate(variant) - rate(control).
 *
 * @param metric       what is compared
 * @param difference   the absolute lift, in rate units (0.01 = one percentage point)
 * @param relativeLift difference / rate(control), when the control's rate is above zero
 * @param confidence   Newcombe interval for the difference at level 1 - alpha (fixed horizon)
 * @param alwaysValid  mSPRT confidence sequence for the difference at level 1 - alpha (any look)
 * @param pValue       always-valid p-value of "no difference"
 */
public record Comparison(ExperimentMetric metric, double difference, Optional<Double> relativeLift, Interval confidence,
                         Interval alwaysValid, double pValue) {
    public Comparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(relativeLift, "relativeLift");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(alwaysValid, "alwaysValid");
    }

    /** {@return whether the always-valid test finds the variant's rate higher than the control's} */
    public boolean significantlyHigher() {
        return alwaysValid.isAbove(0);
    }

    /** {@return whether the always-valid test finds the variant's rate lower than the control's} */
    public boolean significantlyLower() {
        return alwaysValid.isBelow(0);
    }
}
