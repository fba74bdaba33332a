package dev.candor.privacy.dp;

/**
 * An (ε, δ) differential-privacy target, validated once here.
 *
 * @param epsilon ε &gt; 0, finite
 * @param delta   δ in [0, 1)
 */
public record PrivacyParams(double epsilon, double delta) {
    public PrivacyParams {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be > 0 and finite. Provided value: " + epsilon);
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1). Provided value: " + delta);
        }
    }

    /** {@return ε with δ = 1/n for a data set of n people (the weakest δ Candor allows)} */
    public static PrivacyParams withDeltaOneOver(double epsilon, int people) {
        if (people < 2) {
            throw new IllegalArgumentException("at least 2 people are needed. Provided value: " + people);
        }
        return new PrivacyParams(epsilon, 1.0 / people);
    }

    /** {@return the largest ρ such that ρ-zCDP implies this (ε, δ)-DP} ({@link Zcdp#rho}) */
    public double rho() {
        return Zcdp.rho(epsilon, delta);
    }
}
