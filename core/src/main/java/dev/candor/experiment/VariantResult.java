package dev.candor.experiment;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One variant's results.
 *
 * @param variant              the variant
 * @param control              whether it is the control
 * @param impressions          impressions served
 * @param subjects             participants
 * @param rates                every {@link ExperimentMetric}'s rate
 * @param revenuePerImpression mean revenue per impression, when any revenue was sent
 * @param versusControl        every metric compared with the control (empty for the control)
 * @param revenueVersusControl difference of revenue per impression from the control with a Welch
 *                             normal interval (fixed horizon), when revenue was sent; not for the control
 */
public record VariantResult(Variant variant, boolean control, long impressions, long subjects,
                            Map<ExperimentMetric, RateEstimate> rates, Optional<MeanEstimate> revenuePerImpression,
                            Map<ExperimentMetric, Comparison> versusControl, Optional<MeanEstimate> revenueVersusControl) {
    public VariantResult {
        Objects.requireNonNull(variant, "variant");
        rates = rates.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(rates));
        Objects.requireNonNull(revenuePerImpression, "revenuePerImpression");
        versusControl = versusControl.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(versusControl));
        Objects.requireNonNull(revenueVersusControl, "revenueVersusControl");
    }

    public RateEstimate rate(ExperimentMetric metric) {
        return rates.get(metric);
    }

    /** {@return the comparison with the control on {@code metric}} */
    public Optional<Comparison> comparison(ExperimentMetric metric) {
        return Optional.ofNullable(versusControl.get(metric));
    }
}
