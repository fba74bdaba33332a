package dev.candor.experiment;

import java.util.Locale;
import java.util.Objects;

/**
 * A variant that worsened a trust metric, by the always-valid test.
 *
 * @param variant     the variant's name
 * @param metric      the guardrail's metric
 * @param kind        what it crossed
 * @param rate        the variant's rate
 * @param reference   the control's rate ({@link Kind#ABOVE_CONTROL}) or the ceiling ({@link Kind#ABOVE_THRESHOLD})
 * @param alwaysValid the interval that lies wholly above the reference: of the difference from
 *                    control, or of the variant's rate
 */
public record GuardrailBreach(String variant, ExperimentMetric metric, Kind kind, double rate, double reference,
                              Interval alwaysValid) {
    /** What the variant crossed. */
    public enum Kind {
        /** Its rate is significantly above the control's. */
        ABOVE_CONTROL,
        /** Its rate is significantly above the configured ceiling. */
        ABOVE_THRESHOLD;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GuardrailBreach {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alwaysValid, "alwaysValid");
    }

    /** {@return a one-line description for operators} */
    public String message() {
        return String.format(Locale.ROOT, "variant %s: %s rate %.4f is significantly above %s %.4f",
                variant, metric.wireName(), rate, kind == Kind.ABOVE_CONTROL ? "the control's" : "the ceiling", reference);
    }
}
