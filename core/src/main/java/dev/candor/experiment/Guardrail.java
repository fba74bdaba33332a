package dev.candor.experiment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trust metric a variant must not worsen. A variant breaches it when, by the always-valid test at
 * the experiment's alpha, its rate is above the control's ({@code compareWithControl}) or above
 * {@code maxRate} (the variant's always-valid lower bound exceeds it; checked for every variant,
 * the control included).
 *
 * @param metric             a trust signal ({@link ExperimentMetric#isTrustSignal()})
 * @param maxRate            an absolute ceiling in [0, 1], if any
 * @param compareWithControl whether to flag a rate significantly above the control's
 */
public record Guardrail(ExperimentMetric metric, Optional<Double> maxRate, boolean compareWithControl) {
    public Guardrail {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(maxRate, "maxRate");
        if (!metric.isTrustSignal()) {
            throw new IllegalArgumentException("guardrail metric must be a trust signal. Provided value: " + metric.wireName());
        }
        maxRate.ifPresent(m -> {
            if (!(m >= 0 && m <= 1)) {
                throw new IllegalArgumentException("maxRate must be in [0, 1]. Provided value: " + m);
            }
        });
        if (maxRate.isEmpty() && !compareWithControl) {
            throw new IllegalArgumentException("guardrail must compare with control or set maxRate");
        }
    }

    /** {@return a guardrail that flags a rate significantly above the control's} */
    public static Guardrail versusControl(ExperimentMetric metric) {
        return new Guardrail(metric, Optional.empty(), true);
    }

    /** {@return a guardrail that flags a rate significantly above the control's or above {@code maxRate}} */
    public static Guardrail withCeiling(ExperimentMetric metric, double maxRate) {
        return new Guardrail(metric, Optional.of(maxRate), true);
    }

    /** {@return every trust signal, compared with control} */
    public static List<Guardrail> defaults() {
        return List.of(versusControl(ExperimentMetric.OPT_OUT), versusControl(ExperimentMetric.TOO_PERSONAL),
                versusControl(ExperimentMetric.NOT_INTERESTED), versusControl(ExperimentMetric.CORRECTION),
                versusControl(ExperimentMetric.ERASURE));
    }
}
