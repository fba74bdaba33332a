package dev.candor.experiment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One arm of an experiment.
 *
 * @param name     1 to 64 characters of {@code [A-Za-z0-9_.-]}, unique within the experiment
 * @param weight   relative share of participants, {@code > 0} and finite (weights need not sum to 1)
 * @param strategy how this arm builds recommendations
 */
public record Variant(String name, double weight, Strategy strategy) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Variant {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("variant name must be 1 to 64 characters of [A-Za-z0-9_.-]");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be > 0 and finite. Provided value: " + weight);
        }
        Objects.requireNonNull(strategy, "strategy");
    }

    public static Variant of(String name, double weight, Strategy strategy) {
        return new Variant(name, weight, strategy);
    }
}
